using AllianceKpi.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// The busy timeout of SQLite connections: every native connection EF opens has it, and a pooled one that already has it is
/// not sent the statement again when it is opened for the next use. Real SQLite files, whichever database the suite runs on.
/// </summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", $"busy-{Guid.NewGuid():N}.db");

    public SqliteBusyTimeoutTests() => Directory.CreateDirectory(Path.GetDirectoryName(_file)!);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private AppDbContext Context() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_file}").AddInterceptors(SqliteBusyTimeout.Instance).Options);

    /// <summary>The value of a PRAGMA on an open connection.</summary>
    private static async Task<long> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task<long> BusyTimeoutAsync(AppDbContext db) => PragmaAsync(db.Database.GetDbConnection(), "busy_timeout");

    private static Task<long> CacheSizeAsync(AppDbContext db) => PragmaAsync(db.Database.GetDbConnection(), "cache_size");

    private static async Task SetBusyTimeoutAsync(AppDbContext db, int milliseconds)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task ANewNativeConnectionGetsTheTimeoutAndAPooledOneIsNotSentItAgain()
    {
        object handle;
        await using (var db = Context())
        {
            await db.Database.OpenConnectionAsync();
            Assert.Equal(SqliteBusyTimeout.TimeoutMilliseconds, await BusyTimeoutAsync(db));
            handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            // A mark only this native connection carries: were the statement sent on every open, the next open would undo it.
            await SetBusyTimeoutAsync(db, 1234);
            await db.Database.CloseConnectionAsync();
        }

        await using (var db = Context())
        {
            await db.Database.OpenConnectionAsync();
            Assert.Same(handle, ((SqliteConnection)db.Database.GetDbConnection()).Handle);
            Assert.Equal(1234, await BusyTimeoutAsync(db));
            await db.Database.CloseConnectionAsync();
        }

        SqliteConnection.ClearAllPools();
        await using (var db = Context())
        {
            await db.Database.OpenConnectionAsync();
            Assert.NotSame(handle, ((SqliteConnection)db.Database.GetDbConnection()).Handle);
            Assert.Equal(SqliteBusyTimeout.TimeoutMilliseconds, await BusyTimeoutAsync(db));
        }
    }

    [Fact]
    public async Task TheSynchronousOpenSetsItToo()
    {
        await using var db = Context();
        db.Database.OpenConnection();
        Assert.Equal(SqliteBusyTimeout.TimeoutMilliseconds, await BusyTimeoutAsync(db));
        Assert.Equal(-SqliteBusyTimeout.CacheKilobytes, await CacheSizeAsync(db));
        db.Database.CloseConnection();
    }

    [Fact]
    public async Task ANewNativeConnectionGetsTheSmallerPageCache()
    {
        await using var plain = new SqliteConnection($"Data Source={_file}");
        await plain.OpenAsync();
        Assert.Equal(-2000L, await PragmaAsync(plain, "cache_size")); // SQLite's own default, without the interceptor

        await using var db = Context();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(-SqliteBusyTimeout.CacheKilobytes, await CacheSizeAsync(db));
        Assert.True(SqliteBusyTimeout.CacheKilobytes < 2000);
    }
}
