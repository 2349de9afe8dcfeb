using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>The audit log: one row per change of a work-progress entry or form, kept with its project.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261129000001_AuditLog")]
public sealed class AuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Identity(),
                ProjectId = table.Column<int>(nullable: false),
                EntityType = table.Column<string>(nullable: false, maxLength: 64),
                EntityId = table.Column<int>(nullable: false),
                Action = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: true, maxLength: 450),
                At = table.Column<DateTime>(nullable: false),
                Changes = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEntries", x => x.Id);
                table.ForeignKey("FK_AuditEntries_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_AuditEntries_ProjectId_At", "AuditEntries", ["ProjectId", "At"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityType_EntityId", "AuditEntries", ["EntityType", "EntityId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("AuditEntries");
}
