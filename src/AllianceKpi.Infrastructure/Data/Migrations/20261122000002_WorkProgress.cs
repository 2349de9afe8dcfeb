using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>
/// 工作進度: attachments and one table per kind of work-progress entry. Entries go with their project (cascade); a reporting period,
/// an attachment or an alliance member that entries still point at cannot be deleted (restrict / no action).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261122000002_WorkProgress")]
public sealed class WorkProgress : Migration
{
    private static readonly string[] EntryTables =
    [
        "OperatingIncomes", "CooperationProjects", "TechTransfers", "TechnicalServices", "PromotionActivities", "MemberServices",
        "DerivedResults",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateAttachments(migrationBuilder);
        CreateAllianceMembers(migrationBuilder);
        CreateOperatingIncomes(migrationBuilder);
        CreateCooperationProjects(migrationBuilder);
        CreateTechTransfers(migrationBuilder);
        CreateTechnicalServices(migrationBuilder);
        CreatePromotionActivities(migrationBuilder);
        CreateMemberServices(migrationBuilder);
        CreateDerivedResults(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in EntryTables)
        {
            migrationBuilder.DropTable(table);
        }
        migrationBuilder.DropTable("AllianceMembers");
        migrationBuilder.DropTable("Attachments");
    }

    private static void CreateAttachments(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Attachments",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                StorageKey = table.Column<string>(nullable: false, maxLength: 64),
                OriginalName = table.Column<string>(nullable: false, maxLength: 255),
                ContentType = table.Column<string>(nullable: false, maxLength: 100),
                Length = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(nullable: false, maxLength: 64),
                UploadedAt = table.Column<DateTime>(nullable: false),
                UploadedByUserId = table.Column<string>(nullable: false, maxLength: 450),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attachments", x => x.Id);
                table.ForeignKey("FK_Attachments_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Attachments_StorageKey", "Attachments", "StorageKey", unique: true);
        migrationBuilder.CreateIndex("IX_Attachments_ProjectId", "Attachments", "ProjectId");
    }

    private static void CreateAllianceMembers(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AllianceMembers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<int>(nullable: true),
                Type = table.Column<int>(nullable: false),
                Basis = table.Column<int>(nullable: false),
                IndustryCode = table.Column<string>(nullable: false, maxLength: 10),
                IsPaying = table.Column<bool>(nullable: false),
                Region = table.Column<int>(nullable: false),
                CompanyName = table.Column<string>(nullable: false, maxLength: 200),
                TaxId = table.Column<string>(nullable: true, maxLength: 8),
                Representative = table.Column<string>(nullable: false, maxLength: 100),
                City = table.Column<string>(nullable: false, maxLength: 20),
                Street = table.Column<string>(nullable: false, maxLength: 200),
                Phone = table.Column<string>(nullable: false, maxLength: 50),
                ContractStart = table.Column<DateOnly>(nullable: false),
                ContractEnd = table.Column<DateOnly>(nullable: false),
                CapitalBand = table.Column<string>(nullable: true, maxLength: 50),
                EmployeeBand = table.Column<string>(nullable: true, maxLength: 50),
                InIndustrialPark = table.Column<bool>(nullable: true),
                FeeMethod = table.Column<int>(nullable: true),
                FeeAmount = table.Column<decimal>(nullable: true, precision: 18, scale: 3),
                SignedByPrincipalInvestigator = table.Column<bool>(nullable: false),
                RelatedToCoreTechnology = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AllianceMembers", x => x.Id);
                table.ForeignKey("FK_AllianceMembers_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AllianceMembers_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AllianceMembers_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.NoAction);
            });
        EntryIndexes(migrationBuilder, "AllianceMembers", ["ProjectId", "ReportingPeriodId"], ["ReportingPeriodId"], ["AttachmentId"], ["ProjectId", "TaxId"], ["ProjectId", "CompanyName"]);
    }

    private static void CreateOperatingIncomes(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OperatingIncomes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<int>(nullable: true),
                MembershipFee = table.Column<decimal>(nullable: false, precision: 18, scale: 3),
                TechnicalServiceFee = table.Column<decimal>(nullable: false, precision: 18, scale: 3),
                OtherIncome = table.Column<decimal>(nullable: false, precision: 18, scale: 3),
                OtherIncomeNature = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: true),
                CounterpartyName = table.Column<string>(nullable: true, maxLength: 200),
                AccountingDate = table.Column<DateOnly>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OperatingIncomes", x => x.Id);
                table.ForeignKey("FK_OperatingIncomes_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_OperatingIncomes_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_OperatingIncomes_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.NoAction);
                table.ForeignKey("FK_OperatingIncomes_AllianceMembers_MemberId", x => x.MemberId, "AllianceMembers", "Id", onDelete: ReferentialAction.NoAction);
            });
        EntryIndexes(migrationBuilder, "OperatingIncomes", ["ProjectId", "ReportingPeriodId"], ["ReportingPeriodId"], ["AttachmentId"], ["MemberId"]);
    }

    private static void CreateCooperationProjects(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CooperationProjects",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<int>(nullable: true),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                MemberId = table.Column<int>(nullable: true),
                CounterpartyName = table.Column<string>(nullable: true, maxLength: 200),
                Budget = table.Column<decimal>(nullable: false, precision: 18, scale: 3),
                BudgetBasis = table.Column<int>(nullable: false),
                ReceiptIncluded = table.Column<bool>(nullable: false),
                Source = table.Column<string>(nullable: false, maxLength: 100),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: false),
                SignedByPrincipalInvestigator = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CooperationProjects", x => x.Id);
                table.ForeignKey("FK_CooperationProjects_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CooperationProjects_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CooperationProjects_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.NoAction);
                table.ForeignKey("FK_CooperationProjects_AllianceMembers_MemberId", x => x.MemberId, "AllianceMembers", "Id", onDelete: ReferentialAction.NoAction);
            });
        EntryIndexes(migrationBuilder, "CooperationProjects", ["ProjectId", "ReportingPeriodId"], ["ReportingPeriodId"], ["AttachmentId"], ["MemberId"]);
    }

    private static void CreateTechTransfers(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TechTransfers",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<int>(nullable: true),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                MemberId = table.Column<int>(nullable: true),
                CounterpartyName = table.Column<string>(nullable: true, maxLength: 200),
                Amount = table.Column<decimal>(nullable: false, precision: 18, scale: 3),
                SignedOn = table.Column<DateOnly>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TechTransfers", x => x.Id);
                table.ForeignKey("FK_TechTransfers_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_TechTransfers_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_TechTransfers_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.NoAction);
                table.ForeignKey("FK_TechTransfers_AllianceMembers_MemberId", x => x.MemberId, "AllianceMembers", "Id", onDelete: ReferentialAction.NoAction);
            });
        EntryIndexes(migrationBuilder, "TechTransfers", ["ProjectId", "ReportingPeriodId"], ["ReportingPeriodId"], ["AttachmentId"], ["MemberId"]);
    }

    private static void CreateTechnicalServices(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "TechnicalServices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<int>(nullable: true),
                MemberId = table.Column<int>(nullable: true),
                CounterpartyName = table.Column<string>(nullable: true, maxLength: 200),
                Amount = table.Column<decimal>(nullable: false, precision: 18, scale: 3),
                Date = table.Column<DateOnly>(nullable: false),
                Description = table.Column<string>(nullable: false, maxLength: 1000),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TechnicalServices", x => x.Id);
                table.ForeignKey("FK_TechnicalServices_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_TechnicalServices_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_TechnicalServices_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.NoAction);
                table.ForeignKey("FK_TechnicalServices_AllianceMembers_MemberId", x => x.MemberId, "AllianceMembers", "Id", onDelete: ReferentialAction.NoAction);
            });
        EntryIndexes(migrationBuilder, "TechnicalServices", ["ProjectId", "ReportingPeriodId"], ["ReportingPeriodId"], ["AttachmentId"], ["MemberId"]);
    }

    private static void CreatePromotionActivities(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PromotionActivities",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<int>(nullable: true),
                Name = table.Column<string>(nullable: false, maxLength: 200),
                Date = table.Column<DateOnly>(nullable: false),
                Place = table.Column<string>(nullable: false, maxLength: 200),
                Participants = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PromotionActivities", x => x.Id);
                table.ForeignKey("FK_PromotionActivities_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PromotionActivities_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_PromotionActivities_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.NoAction);
            });
        EntryIndexes(migrationBuilder, "PromotionActivities", ["ProjectId", "ReportingPeriodId"], ["ReportingPeriodId"], ["AttachmentId"]);
    }

    private static void CreateMemberServices(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MemberServices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<int>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Title = table.Column<string>(nullable: false, maxLength: 200),
                CompanyAttendees = table.Column<int>(nullable: false),
                CompaniesServed = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberServices", x => x.Id);
                table.ForeignKey("FK_MemberServices_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MemberServices_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MemberServices_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.NoAction);
            });
        EntryIndexes(migrationBuilder, "MemberServices", ["ProjectId", "ReportingPeriodId"], ["ReportingPeriodId"], ["AttachmentId"]);
    }

    private static void CreateDerivedResults(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DerivedResults",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                ReportingPeriodId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<int>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                MemberId = table.Column<int>(nullable: true),
                CounterpartyName = table.Column<string>(nullable: true, maxLength: 200),
                Title = table.Column<string>(nullable: false, maxLength: 200),
                Date = table.Column<DateOnly>(nullable: false),
                PatentNumber = table.Column<string>(nullable: true, maxLength: 50),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DerivedResults", x => x.Id);
                table.ForeignKey("FK_DerivedResults_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_DerivedResults_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_DerivedResults_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.NoAction);
                table.ForeignKey("FK_DerivedResults_AllianceMembers_MemberId", x => x.MemberId, "AllianceMembers", "Id", onDelete: ReferentialAction.NoAction);
            });
        EntryIndexes(migrationBuilder, "DerivedResults", ["ProjectId", "ReportingPeriodId"], ["ReportingPeriodId"], ["AttachmentId"], ["MemberId"]);
    }

    /// <summary>Non-unique indexes named as EF names them: IX_{table}_{columns joined by _}.</summary>
    private static void EntryIndexes(MigrationBuilder migrationBuilder, string table, params string[][] indexes)
    {
        foreach (var columns in indexes)
        {
            migrationBuilder.CreateIndex($"IX_{table}_{string.Join("_", columns)}", table, columns);
        }
    }
}
