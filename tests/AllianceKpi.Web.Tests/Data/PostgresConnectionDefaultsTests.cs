using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// On PostgreSQL the portal has Npgsql prepare the statements it runs again and again, and take pooled connections without
/// resetting them (<see cref="DatabaseSetup.WithServerDefaults"/>), unless the connection string says otherwise.
/// </summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void AConnectionStringThatDoesNotSayGetsThePortalsDefaults()
    {
        var result = new NpgsqlConnectionStringBuilder(
            DatabaseSetup.WithServerDefaults("Host=db.example;Database=appdb;Username=app;Password=secret"));

        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.True(result.NoResetOnClose);
        Assert.Equal("db.example", result.Host); // the rest kept
        Assert.Equal("appdb", result.Database);
        Assert.Equal("app", result.Username);
        Assert.Equal("secret", result.Password);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;max auto prepare=10", 10)]
    [InlineData("Host=db.example;MaxAutoPrepare=5", 5)]
    public void AConnectionStringThatSetsPreparationKeepsIt(string connectionString, int expected)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithServerDefaults(connectionString));

        Assert.Equal(expected, result.MaxAutoPrepare);
        Assert.True(result.NoResetOnClose); // the other default still applies
    }

    [Theory]
    [InlineData("Host=db.example;No Reset On Close=false")]
    [InlineData("Host=db.example;NoResetOnClose=False")]
    public void AConnectionStringThatAsksForTheResetKeepsIt(string connectionString)
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithServerDefaults(connectionString));

        Assert.False(result.NoResetOnClose);
        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, result.MaxAutoPrepare);
    }

    [Fact]
    public void AConnectionStringThatSetsBothIsLeftAsItIs()
    {
        const string given = "Host=db.example;Max Auto Prepare=8;No Reset On Close=false";

        Assert.Equal(given, DatabaseSetup.WithServerDefaults(given));
    }

    [PostgresRunFact]
    public async Task AQueryRunTwiceOnAConnectionIsPreparedOnTheServer()
    {
        using var database = TestDatabase.Create();
        await using var db = await MigratedContextAsync(database);
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

    [PostgresRunFact]
    public async Task ATransactionLeftOpenIsRolledBackWhenItsConnectionGoesBackToThePoolUnreset()
    {
        using var database = TestDatabase.Create();
        var connectionString = DatabaseSetup.WithServerDefaults(database.ConnectionString);
        Assert.True(new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose); // what the test is about
        int firstSession;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            firstSession = await ScalarAsync<int>(connection, "SELECT pg_backend_pid()");
            await ScalarAsync<int>(connection, "CREATE TABLE rollback_probe (x int); SELECT 1");
            await ScalarAsync<int>(connection, "BEGIN; INSERT INTO rollback_probe VALUES (1); SELECT 1");
        } // back to the pool inside the transaction

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            Assert.Equal(firstSession, await ScalarAsync<int>(connection, "SELECT pg_backend_pid()")); // the same server session
            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM rollback_probe"));
        }
    }

    private static async Task<AppDbContext> MigratedContextAsync(TestDatabase database)
    {
        var options = (DbContextOptions<AppDbContext>)DatabaseSetup.Configure(
            new DbContextOptionsBuilder<AppDbContext>(), database.Provider, database.ConnectionString).Options;
        var db = new AppDbContext(options);
        await DatabaseSetup.MigrateAsync(db);
        return db;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> PreparedCountAsync(AppDbContext db) =>
        await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements").SingleAsync();
}
