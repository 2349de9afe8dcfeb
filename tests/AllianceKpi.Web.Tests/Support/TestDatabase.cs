using AllianceKpi.Infrastructure;
using Npgsql;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>
/// A throwaway database for one test fixture on the provider named by AK_TEST_DB (Sqlite by default, or Postgres with AK_TEST_PG
/// holding a connection string of a role that may create databases). Dropped when the fixture is disposed.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static DatabaseProvider ProviderUnderTest =>
        string.Equals(Environment.GetEnvironmentVariable("AK_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static TestDatabase Create() => ProviderUnderTest == DatabaseProvider.Postgres ? CreatePostgres() : CreateSqlite();

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "portal.db")};Pooling=False", folder, null);
    }

    private static TestDatabase CreatePostgres()
    {
        var admin = Environment.GetEnvironmentVariable("AK_TEST_PG")
                    ?? throw new InvalidOperationException("AK_TEST_DB=Postgres needs AK_TEST_PG, the connection string of a role that may create databases.");
        var name = "ak_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, name);
    }

    /// <summary>
    /// DROP DATABASE … WITH (FORCE) gives up when a terminated backend has not exited within five seconds, which a busy two-core
    /// machine can exceed (seen once in CI as a class clean-up failure). The drop is retried; if the server still refuses, the
    /// throwaway database is left on the throwaway test server and the reason is written to the test output.
    /// </summary>
    private static void DropPostgres(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("AK_TEST_PG"));
                connection.Open();
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException error) when (attempt < 5)
            {
                Console.Error.WriteLine($"Dropping test database {name}, attempt {attempt}: {error.SqlState} {error.MessageText}; retrying.");
                Thread.Sleep(TimeSpan.FromSeconds(attempt));
            }
            catch (PostgresException error)
            {
                Console.Error.WriteLine($"Test database {name} left behind: {error.SqlState} {error.MessageText}");
                return;
            }
        }
    }

    public void Dispose()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            DropPostgres(_postgresName);
        }
        if (_sqliteFolder is not null)
        {
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a closing connection; the temp folder is cleaned by the system.
            }
        }
    }
}
