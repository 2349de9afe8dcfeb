using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>聯盟網站抽查: one row per alliance (project) and month, with who checked and what the automatic check reported.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261129000004_WebsiteChecks")]
public sealed class WebsiteChecks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "WebsiteChecks",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                Month = table.Column<DateOnly>(nullable: false),
                Url = table.Column<string>(maxLength: 500, nullable: true),
                Opens = table.Column<bool>(nullable: false),
                UpdatedRecently = table.Column<bool>(nullable: false),
                ShowsGrantNotice = table.Column<bool>(nullable: false),
                LastUpdatedOn = table.Column<DateOnly>(nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                ProbeSummary = table.Column<string>(maxLength: 500, nullable: true),
                CheckedOn = table.Column<DateOnly>(nullable: false),
                CheckedByUserId = table.Column<string>(maxLength: 450, nullable: false),
                CheckedByName = table.Column<string>(maxLength: 256, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_WebsiteChecks", x => x.Id);
                table.ForeignKey("FK_WebsiteChecks_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_WebsiteChecks_ProjectId_Month", "WebsiteChecks", ["ProjectId", "Month"], unique: true);
        migrationBuilder.CreateIndex("IX_WebsiteChecks_Month", "WebsiteChecks", "Month");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("WebsiteChecks");
}
