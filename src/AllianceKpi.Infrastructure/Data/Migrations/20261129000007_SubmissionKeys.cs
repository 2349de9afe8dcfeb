using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>One-time submission keys of "new" forms, so that the same POST twice creates one row (decision 0024).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261129000007_SubmissionKeys")]
public sealed class SubmissionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SubmissionKeys",
            columns: table => new
            {
                Key = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                ProjectId = table.Column<int>(nullable: false),
                EntityId = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SubmissionKeys", x => x.Key));
        migrationBuilder.CreateIndex("IX_SubmissionKeys_CreatedAt", "SubmissionKeys", "CreatedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("SubmissionKeys");
}
