using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>
/// Lets one EF transaction at a time begin on a SQLite file in this process; the others wait for it asynchronously, in
/// the order they came. SQLite allows one writer at a time, and Microsoft.Data.Sqlite begins every transaction with
/// <c>BEGIN IMMEDIATE</c>, which takes the write lock at once. Without the gate a second writer waited inside SQLite's busy
/// handler, which sleeps in growing steps (up to 100 ms between tries) on a thread-pool thread, so the lock could stand
/// free while the waiters slept, and a newcomer could take it before someone who had waited long (docs/performance.md,
/// round 4). The gate is held from the start of the transaction until it is committed, rolled back or fails, or, at the
/// latest, until the connection closes (a transaction disposed without either). A gate not had within the wait falls back
/// to SQLite's own locking, so two contexts of one request can never wait for each other for ever; other processes on
/// the same file (a second portal, a script) are ordered by SQLite's lock as before.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new(TimeSpan.FromSeconds(10));

    private readonly TimeSpan _wait;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _held = new();

    public SqliteWriteGate(TimeSpan wait)
    {
        _wait = wait;
    }

    /// <summary>How many connections hold a gate now (for tests).</summary>
    public int HeldCount => _held.Count;

    private SemaphoreSlim GateOf(DbConnection connection) =>
        _gates.GetOrAdd(Path.GetFullPath(connection.DataSource), _ => new SemaphoreSlim(1, 1));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (!_held.ContainsKey(eventData.ConnectionId) && GateOf(connection) is var gate && gate.Wait(_wait))
        {
            Hold(eventData.ConnectionId, gate);
        }
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!_held.ContainsKey(eventData.ConnectionId) && GateOf(connection) is var gate && await gate.WaitAsync(_wait, cancellationToken))
        {
            Hold(eventData.ConnectionId, gate);
        }
        return result;
    }

    private void Hold(Guid connectionId, SemaphoreSlim gate)
    {
        if (!_held.TryAdd(connectionId, gate))
        {
            gate.Release(); // cannot happen with one transaction per connection; never keep a gate nobody will release
        }
    }

    private void Release(Guid connectionId)
    {
        if (_held.TryRemove(connectionId, out var gate))
        {
            gate.Release();
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }
}
