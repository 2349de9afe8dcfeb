using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// The in-process queue in front of SQLite's one write lock: a second transaction on the same file waits for the first
/// to end however it ends, a transaction on another file does not wait, and a gate not had in time falls back to SQLite's
/// own lock instead of waiting for ever. Real SQLite files, whichever database the suite runs on.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", $"gate-{Guid.NewGuid():N}");

    private string File(string name) => Path.Combine(_folder, name + ".db");

    private static AppDbContext Context(string file, SqliteWriteGate gate) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={file}").AddInterceptors(SqliteBusyTimeout.Instance, gate).Options);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        foreach (var name in new[] { "one", "two" })
        {
            await using var db = Context(File(name), new SqliteWriteGate(TimeSpan.FromSeconds(5)));
            await DatabaseSetup.MigrateAsync(db);
        }
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Long enough for a transaction that was not made to wait to have begun.</summary>
    private static Task Pause() => Task.Delay(300);

    [Fact]
    public async Task ASecondTransactionOnTheSameFileBeginsOnlyWhenTheFirstIsCommitted()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        await using var first = Context(File("one"), gate);
        await using var second = Context(File("one"), gate);

        await using var held = await first.Database.BeginTransactionAsync();
        var waiting = second.Database.BeginTransactionAsync();
        await Pause();

        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, gate.HeldCount);
        await held.CommitAsync();
        await using var begun = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, gate.HeldCount);
        await begun.CommitAsync();
        Assert.Equal(0, gate.HeldCount);
    }

    [Fact]
    public async Task ARolledBackTransactionLetsTheNextOneBegin()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        await using var first = Context(File("one"), gate);
        await using var second = Context(File("one"), gate);

        await using var held = await first.Database.BeginTransactionAsync();
        var waiting = second.Database.BeginTransactionAsync();
        await Pause();
        Assert.False(waiting.IsCompleted);
        await held.RollbackAsync();

        await using var begun = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await begun.CommitAsync();
        Assert.Equal(0, gate.HeldCount);
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommitOrRollbackLetsTheNextOneBegin()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        await using var first = Context(File("one"), gate);
        await using var second = Context(File("one"), gate);

        var held = await first.Database.BeginTransactionAsync();
        var waiting = second.Database.BeginTransactionAsync();
        await Pause();
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync(); // as when an exception leaves an "await using" block: EF closes the connection it opened

        await using var begun = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await begun.CommitAsync();
        Assert.Equal(0, gate.HeldCount);
    }

    [Fact]
    public async Task ATransactionOnAnotherFileDoesNotWait()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        await using var first = Context(File("one"), gate);
        await using var other = Context(File("two"), gate);

        await using var held = await first.Database.BeginTransactionAsync();
        await using var begun = await other.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, gate.HeldCount);
        await begun.CommitAsync();
        await held.CommitAsync();
        Assert.Equal(0, gate.HeldCount);
    }

    /// <summary>
    /// Begins and commits a transaction off xUnit's synchronisation context (as in a request): whether it began on the gate's
    /// hand-over thread, and whether the code after its commit ran there or back on the thread pool.
    /// </summary>
    private static Task<(bool BegunOnHandOver, bool AfterCommitOnHandOver, bool AfterCommitOnPool)> WriteAsync(AppDbContext db,
        List<string> order, string name, CancellationToken cancellationToken = default) =>
        Task.Run(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var begunOnHandOver = SqliteWriteGate.OnHandOverThread;
            lock (order)
            {
                order.Add(name);
            }
            await db.Database.ExecuteSqlRawAsync("UPDATE ProgrammeYears SET Year = Year WHERE 0", CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return (begunOnHandOver, SqliteWriteGate.OnHandOverThread, Thread.CurrentThread.IsThreadPoolThread);
        }, CancellationToken.None);

    [Fact]
    public async Task WaitingTransactionsAreHandedTheGateInTheOrderTheyCameAndTheirRequestsGoBackToThePool()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        await using var first = Context(File("one"), gate);
        await using var second = Context(File("one"), gate);
        await using var third = Context(File("one"), gate);
        var order = new List<string>();

        var held = await Task.Run(() => first.Database.BeginTransactionAsync());
        Assert.False(SqliteWriteGate.OnHandOverThread);
        var secondWrite = WriteAsync(second, order, "second");
        await Pause();
        var thirdWrite = WriteAsync(third, order, "third");
        await Pause();
        Assert.Empty(order);
        await held.CommitAsync();
        await held.DisposeAsync();

        var results = await Task.WhenAll(secondWrite, thirdWrite).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["second", "third"], order);
        Assert.All(results, r =>
        {
            Assert.True(r.BegunOnHandOver); // began the moment the gate was handed over, on the thread that handed it
            Assert.False(r.AfterCommitOnHandOver);
            Assert.True(r.AfterCommitOnPool);
        });
        Assert.Equal(0, gate.HeldCount);
    }

    [Fact]
    public async Task AWaiterThatGaveUpIsPassedOverAndTheGateIsFreeAgain()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        await using var first = Context(File("one"), gate);
        await using var second = Context(File("one"), gate);
        await using var third = Context(File("one"), gate);
        var order = new List<string>();
        using var cancel = new CancellationTokenSource();

        var held = await first.Database.BeginTransactionAsync();
        var cancelled = WriteAsync(second, order, "second", cancel.Token);
        await Pause();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, gate.HeldCount);
        await held.CommitAsync();
        await held.DisposeAsync();

        // Only the one that gave up was waiting: the gate is not left held for it (the next would wait its 30 s for nothing).
        await WriteAsync(third, order, "third").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["third"], order);
        Assert.Equal(0, gate.HeldCount);
    }

    [Fact]
    public async Task ASynchronousTransactionWaitsForTheGateToo()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromSeconds(30));
        await using var first = Context(File("one"), gate);
        await using var second = Context(File("one"), gate);

        await using var held = await first.Database.BeginTransactionAsync();
        var waiting = Task.Run(() =>
        {
            using var transaction = second.Database.BeginTransaction();
            transaction.Commit();
        });
        await Pause();
        Assert.False(waiting.IsCompleted);
        await held.CommitAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, gate.HeldCount);
    }

    [Fact]
    public async Task AGateNotHadInTimeFallsBackToSqlitesOwnLock()
    {
        var gate = new SqliteWriteGate(TimeSpan.FromMilliseconds(100));
        await using var first = Context(File("one"), gate);
        await using var second = Context(File("one"), gate);

        await using var held = await first.Database.BeginTransactionAsync();
        var waiting = second.Database.BeginTransactionAsync();
        await Pause(); // past the gate's wait: now waiting in SQLite's busy handler for the file's lock
        Assert.False(waiting.IsCompleted);
        await held.CommitAsync();

        await using var begun = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, gate.HeldCount); // it began without the gate, and nothing is left held
        await begun.CommitAsync();
    }
}
