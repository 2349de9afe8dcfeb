using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Infrastructure;

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}

/// <summary>The one place that knows which database provider is in use; a further provider is added here.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        // The options depend on nothing of the request: built once for the process (each build made EF's warning and
        // extension dictionaries anew, a tenth of what a simple page allocated). The contexts come from EF's pool: a new
        // context set up its own internal service scope on first use, about a twentieth of a progress page's time
        // (docs/performance.md, round 6). A request's context gets the request's audit source; disposing it at the end of
        // the request returns it to the pool, its tracked entities, connection and audit source cleared.
        services.AddPooledDbContextFactory<AppDbContext>(options => Configure(options, provider, connectionString));
        services.AddScoped(scope =>
        {
            var db = scope.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            db.AuditSource = scope.GetService<IAuditSource>();
            return db;
        });
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeout.Instance, SqliteWriteGate.Instance),
            DatabaseProvider.Postgres => options.UseNpgsql(WithStatementPreparation(connectionString)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>Statements a physical connection keeps prepared on the server when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The PostgreSQL connection string with Npgsql's automatic preparation on (<c>Max Auto Prepare</c> 64, <c>Auto Prepare
    /// Min Usages</c> 2) unless it sets <c>Max Auto Prepare</c> itself (0 turns it off). A statement run a second time on a
    /// physical connection is then prepared there, and later runs send only its parameters: the server neither parses nor
    /// plans it again. Every page runs the same few statements, so this halved the members page's cost on a durable
    /// PostgreSQL (docs/performance.md, round 8).
    /// </summary>
    public static string WithStatementPreparation(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in given.Keys)
        {
            if (key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                return connectionString;
            }
        }
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = DefaultMaxAutoPrepare,
            AutoPrepareMinUsages = 2,
        };
        return builder.ConnectionString;
    }

    /// <summary>Applies the hand-written migrations; on SQLite also creates the file's folder and turns on WAL.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            EnsureSqliteFolder(db.Database.GetConnectionString());
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Whether an exception (or one of its inner exceptions) says the database cannot be reached right now — the server is
    /// stopped, restarting, out of connections, or the SQLite file cannot be opened or is busy — as opposed to a fault of the
    /// request. The portal answers such requests with 503 (服務暫時無法使用) rather than 500.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case Npgsql.PostgresException postgres when IsUnavailableState(postgres.SqlState):
                    return true;
                case Npgsql.PostgresException:
                    return false;
                case Npgsql.NpgsqlException:
                    return true; // no answer from the server at all: refused, reset, timed out
                case SqliteException sqlite when sqlite.SqliteErrorCode is SqliteCantOpen or SqliteBusy:
                    return true;
            }
        }
        return false;
    }

    private const int SqliteBusy = 5;
    private const int SqliteCantOpen = 14;

    /// <summary>Class 08 connection exception, 53 insufficient resources (e.g. too many connections), 57P shutdown or starting up.</summary>
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal);

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
