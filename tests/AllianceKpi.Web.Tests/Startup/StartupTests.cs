using System.Diagnostics;
using System.Net;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Infrastructure.Startup;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AllianceKpi.Web.Tests.Startup;

public sealed class StartupTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "AllianceKpi.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private static PortalSettings Read(Dictionary<string, string?> values, string environment = "Production")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Default"] = "Data Source=x.db",
            ["Storage:Root"] = "files",
        }.Concat(values).GroupBy(p => p.Key).Select(g => g.Last())).Build();
        return PortalSettings.Read(configuration, new Environment(environment));
    }

    [Theory]
    [InlineData("2021/06/01")]
    [InlineData("明天")]
    public void ADemoDayThatIsNotADateIsOneClearLine(string today)
    {
        var error = Assert.Throws<PortalConfigurationException>(() => Read(new() { ["Demo:Today"] = today }));

        Assert.Equal($"Demo:Today must be a date written yyyy-MM-dd, e.g. 2021-06-01 (was '{today}').", error.Message);
    }

    [Fact]
    public void ADemoDayIsReadAndNoneMeansTheRealDate()
    {
        Assert.Equal(new DateOnly(2021, 6, 1), Read(new() { ["Demo:Today"] = "2021-06-01" }).DemoToday);
        Assert.Null(Read([]).DemoToday);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("")]
    [InlineData("3")]
    public void AnUnknownDatabaseProviderIsOneClearLine(string provider)
    {
        var error = Assert.Throws<PortalConfigurationException>(() => Read(new() { ["Database:Provider"] = provider }));
        Assert.Contains("Database:Provider must be 'Sqlite' or 'Postgres'", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void ProvidersAreReadWhateverTheirCase()
    {
        Assert.Equal(DatabaseProvider.Postgres, Read(new() { ["Database:Provider"] = "postgres" }).Provider);
        Assert.Equal(DatabaseProvider.Sqlite, Read(new() { ["Database:Provider"] = "SQLITE" }).Provider);
    }

    [Fact]
    public void DemoDataIsSeededInDevelopmentOnlyUnlessConfigured()
    {
        Assert.True(Read([], "Development").SeedDemo);
        Assert.False(Read([]).SeedDemo);
        Assert.True(Read(new() { ["Demo:Seed"] = "true" }).SeedDemo);
        Assert.Throws<PortalConfigurationException>(() => Read(new() { ["Demo:Seed"] = "yes please" }));
    }

    [Fact]
    public void AnAdministratorWithoutAPasswordStopsTheStart()
    {
        var error = Assert.Throws<PortalConfigurationException>(() => Read(new() { ["Admin:Email"] = "root@example.tw" }));
        Assert.Contains("Admin:InitialPassword", error.Message);
    }

    [Fact]
    public async Task TheRealProcessStopsWithOneLineOnABadProvider()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AllianceKpi.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["Database__Provider"] = "Oracle";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.Equal(1, process.ExitCode);
        Assert.Equal("AllianceKpi cannot start: Database:Provider must be 'Sqlite' or 'Postgres' (was 'Oracle').", stderr.Trim());
    }

    [Fact]
    public async Task RunningTheDemoSeedAgainChangesNothing()
    {
        static async Task<string> CountsAsync(PortalFactory f) => await f.WithDbAsync(async db =>
            $"{await db.Users.CountAsync()} {await db.Projects.CountAsync()} {await db.ProjectMembers.CountAsync()} " +
            $"{await db.ProgrammeYears.CountAsync()} {await db.ReportingPeriods.CountAsync()} {await db.News.CountAsync()} {await db.QaEntries.CountAsync()}");

        var before = await CountsAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        Assert.Equal(before, await CountsAsync(factory));
        Assert.StartsWith("4 1 2 1 3 ", before);
    }

    [Fact]
    public async Task TheDemoYearHasTheSeedsPeriodsAndDeadlines()
    {
        var periods = await factory.WithDbAsync(db => db.ReportingPeriods.OrderBy(p => p.Kind)
            .Select(p => p.Name + " " + p.Deadline.ToString()).ToListAsync());
        Assert.Equal(3, periods.Count);
        Assert.Contains(periods, p => p.StartsWith("2021年產學小聯盟預期成果綜整表", StringComparison.Ordinal));
        Assert.Contains(periods, p => p.StartsWith("2021年產學小聯盟第一次(3)成果綜整表", StringComparison.Ordinal) && p.Contains("2021"));
        var deadlines = await factory.WithDbAsync(db => db.ReportingPeriods.OrderBy(p => p.Kind).Select(p => p.Deadline).ToListAsync());
        Assert.Contains(new DateOnly(2021, 10, 31), deadlines);
        Assert.Contains(new DateOnly(2022, 1, 31), deadlines);
    }
}

/// <summary>/health says 503 once the database stops answering.</summary>
public sealed class HealthWhenTheDatabaseIsGoneTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    [Fact]
    public async Task HealthAnswers503WhenTheDatabaseIsGone()
    {
        using var client = _factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        BreakDatabase(_factory.Database);

        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    private static void BreakDatabase(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // The file's folder disappears: SQLite can no longer open (or create) the database.
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        var admin = System.Environment.GetEnvironmentVariable("AK_TEST_PG");
        using var connection = new NpgsqlConnection(admin);
        connection.Open();
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        using var command = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _factory.Dispose();
}
