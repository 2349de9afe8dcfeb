using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>
/// Projects carry a stamp that changes with everything their 工作進度 pages are computed from, so that each web node may keep
/// those computations while the stamp it reads with the role check is unchanged (docs/performance.md, round 10).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206000001_ProgressStamps")]
public sealed class ProgressStamps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("ProgressStamp", "Projects", nullable: false, defaultValue: Guid.Empty);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Plain SQL: EF refuses DropColumn on SQLite, which has had ALTER TABLE … DROP COLUMN since 3.35.
        migrationBuilder.Sql("ALTER TABLE \"Projects\" DROP COLUMN \"ProgressStamp\";");
    }
}
