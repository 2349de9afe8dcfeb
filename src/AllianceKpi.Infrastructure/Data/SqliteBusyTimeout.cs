using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>
/// Gives every SQLite connection EF opens a busy timeout, so a writer that finds the database locked by another writer
/// waits inside SQLite (its handler retries within a few milliseconds) instead of getting "database is busy" back and
/// being retried by Microsoft.Data.Sqlite after a fixed pause of 150 ms. One writer at a time is SQLite's rule under WAL;
/// this only shortens the wait of the second. The timeout belongs to the native connection, which the pool keeps open
/// between uses, so it is set on the first open of each native connection only: a page opens a pooled connection twice (the
/// role check, then its queries), and a statement per open was a third of the statements of a members page.
/// The same statement gives the native connection a page cache of <see cref="CacheKilobytes"/> instead of SQLite's 2 MB: under
/// WAL a connection drops its whole cache at the start of a read whenever anyone has written since its last one, which on
/// the portal is every few milliseconds under load, so the larger cache saved no reads; it only held up to 2 MB of native
/// memory per pooled connection (about 10 MB of a node's peak at 128 connections, docs/performance.md round 12).
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    /// <summary>A statement waits up to 10 s for the write lock inside SQLite before the managed retry takes over.</summary>
    public const int TimeoutMilliseconds = 10_000;

    /// <summary>The page cache of each native connection, in kB (SQLite's own default is 2,000 kB).</summary>
    public const int CacheKilobytes = 256;

    private static readonly string Pragma = $"PRAGMA busy_timeout = {TimeoutMilliseconds}; PRAGMA cache_size = -{CacheKilobytes};";

    // The native connections that have the timeout and the cache size; an entry goes with its handle when the pool closes the connection.
    private readonly ConditionalWeakTable<object, object> _set = new();

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (HasTimeout(connection))
        {
            return;
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (HasTimeout(connection))
        {
            return;
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        Remember(connection);
    }

    private bool HasTimeout(DbConnection connection) => NativeHandle(connection) is { } handle && _set.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (NativeHandle(connection) is { } handle)
        {
            _set.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>The open connection's native handle, which stays the same while the pool reuses it; null for another provider.</summary>
    private static object? NativeHandle(DbConnection connection) => (connection as SqliteConnection)?.Handle;
}
