using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>The hand-written migrations must build exactly the schema the EF model describes, on the provider under test.</summary>
public sealed class MigrationDriftTests
{
    private static AppDbContext NewContext()
    {
        var provider = TestDatabase.ProviderUnderTest;
        var connection = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=127.0.0.1;Database=unused";
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), provider, connection);
        return new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
    }

    [Fact]
    public void MigrationsBuildTheSameSchemaAsTheModel()
    {
        using var db = NewContext();
        var fromModel = new SchemaDescription();
        var model = db.GetService<IDesignTimeModel>().Model;
        foreach (var operation in db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel()))
        {
            fromModel.Apply(operation);
        }

        var fromMigrations = new SchemaDescription();
        var migrations = db.GetService<IMigrationsAssembly>();
        var activeProvider = db.Database.ProviderName!;
        foreach (var (_, type) in migrations.Migrations.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            foreach (var operation in migrations.CreateMigration(type, activeProvider).UpOperations)
            {
                fromMigrations.Apply(operation);
            }
        }

        Assert.Equal(fromModel.ToString(), fromMigrations.ToString());
    }

    [Fact]
    public void TheDriftCheckNoticesAMissingColumn()
    {
        using var db = NewContext();
        var model = db.GetService<IDesignTimeModel>().Model;
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel()).ToList();
        var complete = new SchemaDescription();
        var lacking = new SchemaDescription();
        foreach (var operation in operations)
        {
            complete.Apply(operation);
            if (operation is Microsoft.EntityFrameworkCore.Migrations.Operations.CreateTableOperation { Name: "Projects" } projects)
            {
                projects.Columns.RemoveAll(c => c.Name == "School");
            }
            lacking.Apply(operation);
        }
        Assert.NotEqual(complete.ToString(), lacking.ToString());
        Assert.Contains("Projects.School: String not null max 100", complete.ToString());
    }

    [Fact]
    public async Task EveryMigrationIsAppliedOnARealDatabase()
    {
        using var database = TestDatabase.Create();
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), database.Provider, database.ConnectionString);
        await using var db = new AppDbContext((DbContextOptions<AppDbContext>)options.Options);
        await DatabaseSetup.MigrateAsync(db);
        var applied = db.Database.GetAppliedMigrations().ToList();
        var known = db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        Assert.NotEmpty(known);
        Assert.Equal(known.Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
        Assert.Empty(db.Database.GetPendingMigrations());
    }
}
