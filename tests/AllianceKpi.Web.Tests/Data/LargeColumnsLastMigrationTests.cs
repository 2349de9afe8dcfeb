using System.Reflection;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// The migration that puts a stored PDF's and a banner's bytes behind their rows' other columns on SQLite (so that reading a
/// PDF's hash does not walk the bytes' overflow pages): the order before and after, every value kept both ways. A real
/// SQLite file, whichever database the suite runs on; PostgreSQL is not touched by it.
/// </summary>
public sealed class LargeColumnsLastMigrationTests : IDisposable
{
    private const string Before = "20261206000001_ProgressStamps";
    private static readonly byte[] Pdf = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
    private static readonly byte[] Banner = Enumerable.Range(0, 40_000).Select(i => (byte)(i * 13)).ToArray();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", $"columns-{Guid.NewGuid():N}");

    public LargeColumnsLastMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // Foreign keys off: the rows below stand alone, without the submission and project they would belong to.
    private AppDbContext Context() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_folder, "portal.db")};Foreign Keys=False").Options);

    [Fact]
    public async Task OnSqliteTheBytesComeLastAndEveryValueIsKeptBothWays()
    {
        await using var db = Context();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SummaryPdfs" ("FormSubmissionId", "View", "Status", "Content", "Sha256", "CreatedAt") VALUES (7, 1, '已送出', {Pdf}, 'pdf-hash', '2026-12-07 01:02:03')""");
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AllianceBanners" ("ProjectId", "Content", "Sha256", "UploadedAt") VALUES (9, {Banner}, 'banner-hash', '2026-12-01 08:00:00')""");
        Assert.Equal(["FormSubmissionId", "View", "Status", "Content", "Sha256", "CreatedAt"], await ColumnsAsync(db, "SummaryPdfs"));
        Assert.Equal(["ProjectId", "Content", "Sha256", "UploadedAt"], await ColumnsAsync(db, "AllianceBanners"));

        await migrator.MigrateAsync();
        Assert.Equal(["FormSubmissionId", "View", "Status", "Sha256", "CreatedAt", "Content"], await ColumnsAsync(db, "SummaryPdfs"));
        Assert.Equal(["ProjectId", "Sha256", "UploadedAt", "Content"], await ColumnsAsync(db, "AllianceBanners"));
        await AssertKeptAsync(db);
        Assert.Equal(["sqlite_autoindex_SummaryPdfs_1"], await IndexesAsync(db, "SummaryPdfs")); // the composite key is unique still

        await migrator.MigrateAsync(Before);
        Assert.Equal(["FormSubmissionId", "View", "Status", "Content", "Sha256", "CreatedAt"], await ColumnsAsync(db, "SummaryPdfs"));
        Assert.Equal(["ProjectId", "Content", "Sha256", "UploadedAt"], await ColumnsAsync(db, "AllianceBanners"));
        await AssertKeptAsync(db);
    }

    [Fact]
    public async Task TheRebuiltTablesRefuseASecondRowUnderTheSameKey()
    {
        await using var db = Context();
        await db.GetService<IMigrator>().MigrateAsync();
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SummaryPdfs" ("FormSubmissionId", "View", "Status", "Sha256", "CreatedAt", "Content") VALUES (7, 1, '已送出', 'a', '2026-12-07', x'00')""");
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AllianceBanners" ("ProjectId", "Sha256", "UploadedAt", "Content") VALUES (9, 'a', '2026-12-07', x'00')""");

        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "SummaryPdfs" ("FormSubmissionId", "View", "Status", "Sha256", "CreatedAt", "Content") VALUES (7, 1, '已送出', 'b', '2026-12-07', x'01')"""));
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "AllianceBanners" ("ProjectId", "Sha256", "UploadedAt", "Content") VALUES (9, 'b', '2026-12-07', x'01')"""));
    }

    [Fact]
    public void OnPostgreSqlTheMigrationDoesNothing()
    {
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused");
        using var db = new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
        var migration = db.GetService<IMigrationsAssembly>().CreateMigration(typeof(LargeColumnsLast).GetTypeInfo(), db.Database.ProviderName!);

        Assert.Empty(migration.UpOperations);
        Assert.Empty(migration.DownOperations);
    }

    private static async Task AssertKeptAsync(AppDbContext db)
    {
        var pdf = await db.SummaryPdfs.AsNoTracking().SingleAsync();
        Assert.Equal((7, 1, "已送出", "pdf-hash"), (pdf.FormSubmissionId, pdf.View, pdf.Status, pdf.Sha256));
        Assert.Equal(new DateTime(2026, 12, 7, 1, 2, 3, DateTimeKind.Utc), pdf.CreatedAt);
        Assert.Equal(Pdf, pdf.Content);
        var banner = await db.AllianceBanners.AsNoTracking().SingleAsync();
        Assert.Equal((9, "banner-hash"), (banner.ProjectId, banner.Sha256));
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), banner.UploadedAt);
        Assert.Equal(Banner, banner.Content);
    }

    private static Task<List<string>> ColumnsAsync(AppDbContext db, string table) =>
        db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table}) ORDER BY cid").ToListAsync();

    private static Task<List<string>> IndexesAsync(AppDbContext db, string table) =>
        db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_index_list({table}) ORDER BY name").ToListAsync();
}
