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
/// <para>
/// A free gate is taken on the caller's thread. When a transaction ends with others waiting, the gate is handed to the
/// next one by the file's own hand-over thread, which runs that transaction's continuation at once, up to its end; the
/// end of an asynchronous transaction moves the rest of its request back to the thread pool. Before, the next waiter's
/// continuation was queued behind every other request's work on the pool, and the lock stood idle 1.4–1.6 ms at the
/// median between two transactions while 90–100% of the lock's time was taken (docs/performance.md, rounds 13 and 17).
/// The hand-over thread sleeps between hand-overs, so the kernel's scheduler lets it run as soon as it is woken; it ends
/// after a while without work and is started again when needed.
/// </para>
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new(TimeSpan.FromSeconds(10));

    private readonly TimeSpan _wait;
    private readonly ConcurrentDictionary<string, FileGate> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, FileGate> _held = new();

    public SqliteWriteGate(TimeSpan wait)
    {
        _wait = wait;
    }

    /// <summary>How many connections hold a gate now (for tests).</summary>
    public int HeldCount => _held.Count;

    /// <summary>Whether this code runs on a hand-over thread, i.e. inside a transaction the gate was handed to (for tests).</summary>
    public static bool OnHandOverThread => FileGate.OnHandOverThread;

    private FileGate GateOf(DbConnection connection) =>
        _gates.GetOrAdd(Path.GetFullPath(connection.DataSource), static path => new FileGate(path));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (_held.ContainsKey(eventData.ConnectionId))
        {
            return result;
        }
        var gate = GateOf(connection);
        var waiter = gate.TakeOrQueue();
        // Not granted within the wait: given up, unless the gate was granted meanwhile.
        if (waiter is null || (waiter.Task.Wait(_wait) ? waiter.Task.Result : !waiter.TryAbandon()))
        {
            Hold(eventData.ConnectionId, gate);
        }
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (_held.ContainsKey(eventData.ConnectionId))
        {
            return result;
        }
        var gate = GateOf(connection);
        var waiter = gate.TakeOrQueue();
        if (waiter is null)
        {
            Hold(eventData.ConnectionId, gate);
            return result;
        }
        bool granted;
        using (var timeout = new CancellationTokenSource(_wait))
        await using (timeout.Token.UnsafeRegister(static w => ((Waiter)w!).TryAbandon(), waiter))
        await using (cancellationToken.UnsafeRegister(static w => ((Waiter)w!).TryAbandon(), waiter))
        {
            granted = await waiter.Task;
        }
        if (granted)
        {
            Hold(eventData.ConnectionId, gate);
            return result;
        }
        cancellationToken.ThrowIfCancellationRequested();
        return result; // not had in time: SQLite's own lock decides
    }

    private void Hold(Guid connectionId, FileGate gate)
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

    /// <summary>Releases the gate; on a hand-over thread, the caller's continuation goes back to the thread pool so that the next transaction can begin.</summary>
    private Task ReleaseAsync(Guid connectionId)
    {
        Release(connectionId);
        return FileGate.OnHandOverThread ? FileGate.BackToThreadPool() : Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ReleaseAsync(eventData.ConnectionId);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ReleaseAsync(eventData.ConnectionId);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ReleaseAsync(eventData.ConnectionId);

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) => ReleaseAsync(eventData.ConnectionId);

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) => ReleaseAsync(eventData.ConnectionId);

    /// <summary>A transaction waiting for the gate: granted it by the hand-over thread, or given up (its wait ran out or was cancelled); never both.</summary>
    private sealed class Waiter
    {
        private const int Waiting = 0, Granted = 1, Abandoned = 2;
        private readonly TaskCompletionSource<bool> _done = new();
        private int _state;

        /// <summary>True when granted the gate, false when given up. Its continuation runs on the thread that decided.</summary>
        public Task<bool> Task => _done.Task;

        public bool TryGrant() => Interlocked.CompareExchange(ref _state, Granted, Waiting) == Waiting;

        /// <summary>Gives up waiting; false when the gate was granted first (the caller then holds it).</summary>
        public bool TryAbandon()
        {
            if (Interlocked.CompareExchange(ref _state, Abandoned, Waiting) != Waiting)
            {
                return false;
            }
            _done.TrySetResult(false);
            return true;
        }

        public void Run() => _done.TrySetResult(true);
    }

    /// <summary>The gate of one file: whether it is held, who waits for it in order, and the thread that hands it on.</summary>
    private sealed class FileGate(string path)
    {
        private static readonly TimeSpan IdleEnd = TimeSpan.FromSeconds(30);

        [ThreadStatic]
        private static bool t_handingOver;

        [ThreadStatic]
        private static TaskCompletionSource? t_backToPool;

        private readonly object _lock = new();
        private readonly Queue<Waiter> _waiting = new();
        private readonly SemaphoreSlim _handOvers = new(0);
        private bool _held;
        private Thread? _thread;

        public static bool OnHandOverThread => t_handingOver;

        /// <summary>
        /// A task for the transaction running on this hand-over thread to await at its end. It is completed once the run has
        /// returned here, when whatever awaits it has surely registered, and its continuations go to the thread pool. (A task
        /// completed by the pool instead, such as <c>Task.Yield</c>'s, may be done before its caller awaits it, and the caller
        /// would then go on here.)
        /// </summary>
        public static Task BackToThreadPool() =>
            (t_backToPool ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        /// <summary>Takes the gate when it is free (null), or queues a waiter behind those already waiting.</summary>
        public Waiter? TakeOrQueue()
        {
            lock (_lock)
            {
                if (!_held)
                {
                    _held = true;
                    return null;
                }
                var waiter = new Waiter();
                _waiting.Enqueue(waiter);
                return waiter;
            }
        }

        /// <summary>Frees the gate, or, with someone waiting, leaves it held and has the hand-over thread give it to the first.</summary>
        public void Release()
        {
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _held = false;
                    return;
                }
                if (_thread is null)
                {
                    _thread = new Thread(HandOver) { IsBackground = true, Name = "SQLite write gate" };
                    // Without the starting request's context (its AsyncLocals): each continuation run here brings its own.
                    _thread.UnsafeStart();
                }
                _handOvers.Release();
            }
        }

        private void HandOver()
        {
            t_handingOver = true;
            while (true)
            {
                if (!_handOvers.Wait(IdleEnd))
                {
                    lock (_lock)
                    {
                        if (_handOvers.CurrentCount == 0)
                        {
                            _thread = null;
                            return;
                        }
                    }
                    continue;
                }
                Waiter? next = null;
                lock (_lock)
                {
                    while (next is null && _waiting.TryDequeue(out var first))
                    {
                        next = first.TryGrant() ? first : null;
                    }
                    if (next is null)
                    {
                        _held = false; // everyone left waiting gave up
                    }
                }
                try
                {
                    next?.Run(); // the transaction's continuation runs here, until it ends or waits for something else
                }
                catch (Exception)
                {
                    // The continuation's own exceptions stay in its tasks; nothing here may end the thread.
                }
                var backToPool = t_backToPool;
                t_backToPool = null;
                backToPool?.TrySetResult();
            }
        }

        public override string ToString() => path;
    }
}
