using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// On PostgreSQL the portal has Npgsql prepare the statements it runs again and again (<see cref="DatabaseSetup.WithStatementPreparation"/>),
/// unless the connection string says otherwise.
/// </summary>
public sealed class StatementPreparationTests
{
    [Fact]
    public void AConnectionStringThatDoesNotSayGetsAutomaticPreparation()
    {
        var result = new NpgsqlConnectionStringBuilder(
            DatabaseSetup.WithStatementPreparation("Host=db.example;Database=appdb;Username=app;Password=secret"));

        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.Equal("db.example", result.Host); // the rest kept
        Assert.Equal("appdb", result.Database);
        Assert.Equal("app", result.Username);
        Assert.Equal("secret", result.Password);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;max auto prepare=10", 10)]
    [InlineData("Host=db.example;MaxAutoPrepare=5", 5)]
    public void AConnectionStringThatSaysKeepsItsOwnSetting(string connectionString, int expected)
    {
        var result = DatabaseSetup.WithStatementPreparation(connectionString);

        Assert.Equal(connectionString, result);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }

    [PostgresRunFact]
    public async Task AQueryRunTwiceOnAConnectionIsPreparedOnTheServer()
    {
        using var database = TestDatabase.Create();
        var options = (DbContextOptions<AppDbContext>)DatabaseSetup.Configure(
            new DbContextOptionsBuilder<AppDbContext>(), database.Provider, database.ConnectionString).Options;
        await using var db = new AppDbContext(options);
        await DatabaseSetup.MigrateAsync(db);
        await db.Database.OpenConnectionAsync();
        try
        {
            var before = await PreparedCountAsync(db);
            for (var i = 0; i < 3; i++)
            {
                await db.Projects.AsNoTracking().Where(p => p.Id == i).ToListAsync();
            }

            Assert.True(await PreparedCountAsync(db) > before, "the project query run three times was not prepared on the server");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> PreparedCountAsync(AppDbContext db) =>
        await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements").SingleAsync();
}
