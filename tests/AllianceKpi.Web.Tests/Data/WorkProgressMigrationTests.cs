using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Web.Tests.Data;

public sealed class WorkProgressMigrationTests
{
    [Fact]
    public async Task TheWorkProgressMigrationCanBeRolledBackAndAppliedAgain()
    {
        using var database = TestDatabase.Create();
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), database.Provider, database.ConnectionString);
        await using var db = new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
        await DatabaseSetup.MigrateAsync(db);
        var migrator = db.GetService<IMigrator>();

        await migrator.MigrateAsync("20261122000001_Foundation");
        Assert.DoesNotContain("20261122000002_WorkProgress", await db.Database.GetAppliedMigrationsAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.Attachments.AnyAsync());
        Assert.False(await db.Projects.AnyAsync());

        await migrator.MigrateAsync();
        Assert.False(await db.AllianceMembers.AnyAsync());
        Assert.False(await db.DerivedResults.AnyAsync());
    }
}
