using System.Diagnostics;
using System.Net;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AllianceKpi.Web.Tests.ScaleOut;

/// <summary>The database goes away and comes back: a friendly 503 meanwhile, and the same web process serves again after.</summary>
public sealed class DatabaseOutageTests
{
    [PostgresOnlyFact]
    public async Task WhileThePostgresServerIsStoppedPagesAndHealthSay503AndTheNodeRecoversWithoutARestart()
    {
        using var postgres = await DedicatedPostgres.StartAsync();
        var root = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", "outage-" + Guid.NewGuid().ToString("N"));
        using var node = await PortalProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = postgres.ConnectionString + ";Timeout=5",
            ["Storage:Root"] = root,
            ["Demo:Seed"] = "true",
            ["Demo:Today"] = "2021-06-01",
        });
        using var client = node.Client(new CookieJar());
        await client.SignInAsync(DemoSeeder.PiEmail, DemoSeeder.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/progress")).StatusCode);

        await postgres.StopAsync();

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        foreach (var url in new[] { "/progress", "/" })
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"GET {url}: {(int)response.StatusCode}\n{body}");
            var page = PortalClient.Parse(body);
            Assert.Equal("服務暫時無法使用", page.QuerySelector("h1")?.TextContent);
            Assert.Equal("系統暫時無法連線資料庫，請稍後再試。", page.QuerySelector("[data-testid=error-message]")?.TextContent);
            Assert.DoesNotContain("Npgsql", body);
            Assert.DoesNotContain("Exception", body);
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        }

        await postgres.StartAgainAsync();

        // The same process: the first requests after the server's return may meet a connection the server ended; within
        // seconds every request is served again, and the user is still signed in.
        var back = Stopwatch.StartNew();
        while ((await client.GetAsync("/health")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(20), $"/health still not 200 after {back.Elapsed.TotalSeconds:0} s\n{node.RecentOutput}");
            await Task.Delay(250);
        }
        for (var i = 0; i < 10; i++)
        {
            var page = await client.GetPageAsync("/progress");
            Assert.Equal(DemoSeeder.PiEmail, page.QuerySelector("[data-testid=signed-in-as]")?.TextContent);
        }
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // left for the system's temp clean-up
        }
    }

    public static TheoryData<string, bool> Exceptions => new()
    {
        { "connection refused", true },
        { "57P01 admin shutdown", true },
        { "57P03 starting up", true },
        { "53300 too many connections", true },
        { "08006 connection failure", true },
        { "23505 unique violation", false },
        { "sqlite cannot open", true },
        { "sqlite busy", true },
        { "sqlite constraint", false },
        { "wrapped refused", true },
        { "plain", false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void OnlyADatabaseThatCannotBeReachedCountsAsUnavailable(string kind, bool unavailable)
    {
        Exception error = kind switch
        {
            "connection refused" => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)),
            "57P01 admin shutdown" => Postgres("57P01"),
            "57P03 starting up" => Postgres("57P03"),
            "53300 too many connections" => Postgres("53300"),
            "08006 connection failure" => Postgres("08006"),
            "23505 unique violation" => Postgres("23505"),
            "sqlite cannot open" => new SqliteException("unable to open database file", 14),
            "sqlite busy" => new SqliteException("database is locked", 5),
            "sqlite constraint" => new SqliteException("UNIQUE constraint failed", 19),
            "wrapped refused" => new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new NpgsqlException("read failed")),
            _ => new InvalidOperationException("a bug"),
        };
        Assert.Equal(unavailable, DatabaseSetup.IsUnavailable(error));
    }

    private static PostgresException Postgres(string state) => new("message", "FATAL", "FATAL", state);
}
