using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>
/// The summaries frozen at each 確定送出 of 管考資料, the PDF bytes printed from them (per status label), and the office's
/// background jobs that zip every project's 季綜整表 of a period (decision 0016).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261129000003_SummaryCacheAndExports")]
public sealed class SummaryCacheAndExports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SubmittedSummaries",
            columns: table => new
            {
                FormSubmissionId = table.Column<int>(nullable: false),
                View = table.Column<int>(nullable: false),
                ModelJson = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SubmittedSummaries", x => new { x.FormSubmissionId, x.View });
                table.ForeignKey("FK_SubmittedSummaries_FormSubmissions_FormSubmissionId", x => x.FormSubmissionId, "FormSubmissions", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SummaryPdfs",
            columns: table => new
            {
                FormSubmissionId = table.Column<int>(nullable: false),
                View = table.Column<int>(nullable: false),
                Status = table.Column<string>(nullable: false, maxLength: 20),
                Content = table.Column<byte[]>(nullable: false),
                Sha256 = table.Column<string>(nullable: false, maxLength: 64),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SummaryPdfs", x => new { x.FormSubmissionId, x.View, x.Status });
                table.ForeignKey("FK_SummaryPdfs_SubmittedSummaries_FormSubmissionId_View", x => new { x.FormSubmissionId, x.View },
                    "SubmittedSummaries", ["FormSubmissionId", "View"], onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SummaryZipJobs",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ReportingPeriodId = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Total = table.Column<int>(nullable: false),
                Done = table.Column<int>(nullable: false),
                Error = table.Column<string>(nullable: true, maxLength: 2000),
                RequestedByUserId = table.Column<string>(nullable: false, maxLength: 450),
                CreatedAt = table.Column<DateTime>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                HeartbeatAt = table.Column<DateTime>(nullable: true),
                FinishedAt = table.Column<DateTime>(nullable: true),
                FileKey = table.Column<string>(nullable: true, maxLength: 64),
                FileLength = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SummaryZipJobs", x => x.Id);
                table.ForeignKey("FK_SummaryZipJobs_ReportingPeriods_ReportingPeriodId", x => x.ReportingPeriodId, "ReportingPeriods", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SummaryZipJobs_ReportingPeriodId", "SummaryZipJobs", "ReportingPeriodId");
        migrationBuilder.CreateIndex("IX_SummaryZipJobs_Status", "SummaryZipJobs", "Status");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SummaryZipJobs");
        migrationBuilder.DropTable("SummaryPdfs");
        migrationBuilder.DropTable("SubmittedSummaries");
    }
}
