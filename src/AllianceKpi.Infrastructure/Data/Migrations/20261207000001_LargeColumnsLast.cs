using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Infrastructure.Data.Migrations;

/// <summary>
/// On SQLite, a stored summary PDF's and a banner's bytes move behind the row's other columns. SQLite keeps a row's columns
/// in the table's order and a large value's tail in a chain of overflow pages, so reading a column written after the
/// bytes (the PDF's hash, on every download of a cached summary) followed the whole chain: about 120 page reads and
/// 0.2 ms for a 493 kB summary against 8 µs (docs/performance.md, round 13). SQLite cannot reorder columns, so each table
/// is built again under its own name and constraints. PostgreSQL keeps large values out of the row already and is left as
/// it is.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261207000001_LargeColumnsLast")]
public sealed class LargeColumnsLast : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }
        Rebuild(migrationBuilder, "SummaryPdfs", SummaryPdfs(["Sha256", "CreatedAt", "Content"]));
        Rebuild(migrationBuilder, "AllianceBanners", AllianceBanners(["Sha256", "UploadedAt", "Content"]));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            return;
        }
        Rebuild(migrationBuilder, "SummaryPdfs", SummaryPdfs(["Content", "Sha256", "CreatedAt"]));
        Rebuild(migrationBuilder, "AllianceBanners", AllianceBanners(["Content", "Sha256", "UploadedAt"]));
    }

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["Content"] = "BLOB NOT NULL",
        ["Sha256"] = "TEXT NOT NULL",
        ["CreatedAt"] = "TEXT NOT NULL",
        ["UploadedAt"] = "TEXT NOT NULL",
    };

    private static (string[] Columns, string Definition) SummaryPdfs(string[] tail)
    {
        string[] columns = ["FormSubmissionId", "View", "Status", .. tail];
        var definition = $"""
            "FormSubmissionId" INTEGER NOT NULL,
            "View" INTEGER NOT NULL,
            "Status" TEXT NOT NULL,
            {Definitions(tail)},
            CONSTRAINT "PK_SummaryPdfs" PRIMARY KEY ("FormSubmissionId", "View", "Status"),
            CONSTRAINT "FK_SummaryPdfs_SubmittedSummaries_FormSubmissionId_View" FOREIGN KEY ("FormSubmissionId", "View")
                REFERENCES "SubmittedSummaries" ("FormSubmissionId", "View") ON DELETE CASCADE
            """;
        return (columns, definition);
    }

    private static (string[] Columns, string Definition) AllianceBanners(string[] tail)
    {
        string[] columns = ["ProjectId", .. tail];
        var definition = $"""
            "ProjectId" INTEGER NOT NULL CONSTRAINT "PK_AllianceBanners" PRIMARY KEY,
            {Definitions(tail)},
            CONSTRAINT "FK_AllianceBanners_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
            """;
        return (columns, definition);
    }

    private static string Definitions(string[] columns) => string.Join(",\n", columns.Select(c => $"\"{c}\" {Types[c]}"));

    /// <summary>A new table in the given column order, the rows copied, the old table dropped and the new one renamed.</summary>
    private static void Rebuild(MigrationBuilder migrationBuilder, string table, (string[] Columns, string Definition) shape)
    {
        var temporary = table + "_rebuilt";
        var columns = string.Join(", ", shape.Columns.Select(c => $"\"{c}\""));
        migrationBuilder.Sql($"CREATE TABLE \"{temporary}\" (\n{shape.Definition}\n);");
        migrationBuilder.Sql($"INSERT INTO \"{temporary}\" ({columns}) SELECT {columns} FROM \"{table}\";");
        migrationBuilder.Sql($"DROP TABLE \"{table}\";");
        migrationBuilder.Sql($"ALTER TABLE \"{temporary}\" RENAME TO \"{table}\";");
    }
}
