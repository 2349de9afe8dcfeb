using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>
/// Gives every SQLite connection EF opens a busy timeout, so a writer that finds the database locked by another writer
/// waits inside SQLite (its handler retries within a few milliseconds) instead of getting "database is busy" back and
/// being retried by Microsoft.Data.Sqlite after a fixed pause of 150 ms. One writer at a time is SQLite's rule under WAL;
/// this only shortens the wait of the second. The timeout is per native connection, so setting it on every open (the pool
/// hands out connections it opened before) costs one short statement.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    /// <summary>A statement waits up to 10 s for the write lock inside SQLite before the managed retry takes over.</summary>
    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
