using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>
/// 預期成果 and 管考資料 forms with their per-item texts, the snapshots stored at each 確定送出, and the workflow's history.
/// Narratives and snapshots are unbounded text (docs/workflow-rules.md, section 4: a draft keeps a text over its limit).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261129000002_Forms")]
public sealed class Forms : Migration
{
    private static readonly string[] ExpectedCounts =
    [
        "CompanyMembers", "PromotionEvents", "PromotionPeople", "SeminarEvents", "SeminarPeople", "ConsultingSessions",
        "ConsultingPeople", "SiteVisits", "SiteVisitPeople", "CooperationCount", "NewProducts", "NewTechnologies", "PatentsApplied",
        "PatentsGranted", "NewHires", "TalentPlaced", "Undergraduates", "Masters", "Doctorals", "Postdocs", "FullTimeAssistants",
    ];

    private static readonly string[] ExpectedAmounts =
    [
        "MembershipFeeIncome", "TechnicalServiceIncome", "OtherIncome", "TechTransferAmount", "CooperationAmount", "DerivedOutputValue",
    ];

    private static readonly string[] EvaluationCounts =
        ["NewHires", "TalentPlaced", "Undergraduates", "Masters", "Doctorals", "Postdocs", "FullTimeAssistants"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateExpectedResults(migrationBuilder);
        CreateEvaluationForms(migrationBuilder);
        CreateFormSubmissions(migrationBuilder);
        CreateWorkflowEvents(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("WorkflowEvents");
        migrationBuilder.DropTable("FormSubmissions");
        migrationBuilder.DropTable("EvaluationItemTexts");
        migrationBuilder.DropTable("EvaluationForms");
        migrationBuilder.DropTable("ExpectedResultsNotes");
        migrationBuilder.DropTable("ExpectedResults");
    }

    private static void CreateExpectedResults(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ExpectedResults",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                State = table.Column<int>(nullable: false),
                ExtendedUntil = table.Column<DateOnly>(nullable: true),
                ReturnReason = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExpectedResults", x => x.Id);
                table.ForeignKey("FK_ExpectedResults_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });
        foreach (var column in ExpectedCounts)
        {
            migrationBuilder.AddColumn<int>(column, "ExpectedResults", nullable: true);
        }
        foreach (var column in ExpectedAmounts)
        {
            migrationBuilder.AddColumn<decimal>(column, "ExpectedResults", nullable: true, precision: 18, scale: 3);
        }
        migrationBuilder.CreateIndex("IX_ExpectedResults_ProjectId_Year", "ExpectedResults", ["ProjectId", "Year"], unique: true);

        migrationBuilder.CreateTable(
            name: "ExpectedResultsNotes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ExpectedResultsId = table.Column<int>(nullable: false),
                Item = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExpectedResultsNotes", x => x.Id);
                table.ForeignKey("FK_ExpectedResultsNotes_ExpectedResults_ExpectedResultsId", x => x.ExpectedResultsId, "ExpectedResults", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ExpectedResultsNotes_ExpectedResultsId_Item", "ExpectedResultsNotes", ["ExpectedResultsId", "Item"], unique: true);
    }

    private static void CreateEvaluationForms(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "EvaluationForms",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                State = table.Column<int>(nullable: false),
                ExtendedUntil = table.Column<DateOnly>(nullable: true),
                ReturnReason = table.Column<string>(nullable: true),
                DerivedOutputValue = table.Column<decimal>(nullable: true, precision: 18, scale: 3),
                DerivedOutputMethod = table.Column<string>(nullable: true),
                TalentCompanies = table.Column<string>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvaluationForms", x => x.Id);
                table.ForeignKey("FK_EvaluationForms_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_EvaluationForms_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        foreach (var column in EvaluationCounts)
        {
            migrationBuilder.AddColumn<int>(column, "EvaluationForms", nullable: true);
        }
        migrationBuilder.CreateIndex("IX_EvaluationForms_ProjectId_ReportingPeriodId", "EvaluationForms", ["ProjectId", "ReportingPeriodId"], unique: true);
        migrationBuilder.CreateIndex("IX_EvaluationForms_ReportingPeriodId", "EvaluationForms", "ReportingPeriodId");

        migrationBuilder.CreateTable(
            name: "EvaluationItemTexts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                EvaluationFormId = table.Column<int>(nullable: false),
                Item = table.Column<int>(nullable: false),
                Narrative = table.Column<string>(nullable: true),
                DifferenceAnalysis = table.Column<string>(nullable: true),
                AttachmentId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvaluationItemTexts", x => x.Id);
                table.ForeignKey("FK_EvaluationItemTexts_EvaluationForms_EvaluationFormId", x => x.EvaluationFormId, "EvaluationForms", "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_EvaluationItemTexts_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EvaluationItemTexts_EvaluationFormId_Item", "EvaluationItemTexts", ["EvaluationFormId", "Item"], unique: true);
        migrationBuilder.CreateIndex("IX_EvaluationItemTexts_AttachmentId", "EvaluationItemTexts", "AttachmentId");
    }

    private static void CreateFormSubmissions(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FormSubmissions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                Kind = table.Column<int>(nullable: false),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                State = table.Column<int>(nullable: false),
                SubmittedByUserId = table.Column<string>(nullable: false, maxLength: 450),
                SubmittedAt = table.Column<DateTime>(nullable: false),
                CanonicalJson = table.Column<string>(nullable: false),
                Sha256 = table.Column<string>(nullable: false, maxLength: 64),
                ReviewedByUserId = table.Column<string>(nullable: true, maxLength: 450),
                ReviewedAt = table.Column<DateTime>(nullable: true),
                ReviewReason = table.Column<string>(nullable: true),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FormSubmissions", x => x.Id);
                table.ForeignKey("FK_FormSubmissions_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_FormSubmissions_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_FormSubmissions_ProjectId_Kind_ReportingPeriodId_Number", "FormSubmissions",
            ["ProjectId", "Kind", "ReportingPeriodId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_FormSubmissions_ReportingPeriodId", "FormSubmissions", "ReportingPeriodId");
    }

    private static void CreateWorkflowEvents(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WorkflowEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                Kind = table.Column<int>(nullable: false),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                Action = table.Column<int>(nullable: false),
                FromState = table.Column<int>(nullable: false),
                ToState = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: false, maxLength: 450),
                At = table.Column<DateTime>(nullable: false),
                Reason = table.Column<string>(nullable: true, maxLength: 2000),
                ExtendedUntil = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WorkflowEvents", x => x.Id);
                table.ForeignKey("FK_WorkflowEvents_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_WorkflowEvents_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_WorkflowEvents_ProjectId_Kind_ReportingPeriodId_At", "WorkflowEvents",
            ["ProjectId", "Kind", "ReportingPeriodId", "At"]);
        migrationBuilder.CreateIndex("IX_WorkflowEvents_ReportingPeriodId", "WorkflowEvents", "ReportingPeriodId");
    }
}
