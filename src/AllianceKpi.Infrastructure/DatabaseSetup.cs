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
            DatabaseProvider.Postgres => options.UseNpgsql(WithServerDefaults(connectionString)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>Statements a physical connection keeps prepared on the server when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The PostgreSQL connection string with the portal's defaults for what it does not set itself (an explicit setting,
    /// such as <c>Max Auto Prepare=0</c>, stays):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c> 64 and <c>Auto Prepare Min Usages</c> 2: a statement run a second time on a physical
    /// connection is prepared there, and later runs send only its parameters; the server neither parses nor plans it again.
    /// Every page runs the same few statements.</item>
    /// <item><c>No Reset On Close</c>: a connection taken from the pool is not reset first (Npgsql would send seven reset
    /// statements ahead of its first query, and each page opens a connection once or twice). The portal never changes a
    /// session's settings, creates temporary tables, listens or takes session locks, so there is nothing to reset; an
    /// unfinished transaction is still rolled back when the connection is returned.</item>
    /// </list>
    /// Together they raised the members page's throughput on a durable PostgreSQL by more than half (docs/performance.md, round 8).
    /// </summary>
    public static string WithServerDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var changed = false;
        if (!keys.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            if (!keys.Contains("AutoPrepareMinUsages"))
            {
                builder.AutoPrepareMinUsages = 2;
            }
            changed = true;
        }
        if (!keys.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
            changed = true;
        }
        return changed ? builder.ConnectionString : connectionString;
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
