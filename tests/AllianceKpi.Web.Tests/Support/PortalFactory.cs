using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>
/// The real portal on a throwaway database (SQLite file or PostgreSQL, see <see cref="TestDatabase"/>), with the demo data seeded.
/// One per test class; the in-memory test server unless <see cref="StartKestrel"/> is used.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", "files-" + Guid.NewGuid().ToString("N"));

    public TestDatabase Database => _database;
    public string StorageRoot => _storageRoot;

    /// <summary>Extra configuration for a test class (e.g. SMTP settings).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>The instant the portal's clock stays at (a day inside a reporting period, say), or null for the real clock.</summary>
    protected virtual DateTimeOffset? FixedNow => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (FixedNow is { } now)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(now)));
        }
        builder.UseEnvironment("Testing");
        // UseSetting rather than ConfigureAppConfiguration: Program reads these before it builds the host.
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = _database.Provider.ToString(),
            ["ConnectionStrings:Default"] = _database.ConnectionString,
            ["Storage:Root"] = _storageRoot,
            ["Demo:Seed"] = "true",
            // The test hosts serve plain http (TestServer, Kestrel on loopback for Playwright): cookies follow the request's scheme.
            // The cookie tests use SecureCookieFactory, which leaves the production default (Always) in place.
            ["Security:CookieSecurePolicy"] = "SameAsRequest",
            // Every test signs in from the same loopback address, many times: limits no test reaches, except the rate-limit
            // tests, which set low ones in ExtraSettings.
            ["RateLimits:SignIn:PermitLimit"] = "100000",
            ["RateLimits:SignIn:Window"] = "00:01:00",
            ["RateLimits:AccountForms:PermitLimit"] = "100000",
            ["RateLimits:AccountForms:Window"] = "00:01:00",
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see every 302.</summary>
    public PortalClient NewClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A client already signed in as the given account.</summary>
    public async Task<PortalClient> SignedInAsync(string email, string password = DemoSeeder.Password)
    {
        var client = NewClient();
        await client.SignInAsync(email, password);
        return client;
    }

    /// <summary>
    /// Runs work on a fresh DbContext of the app, e.g. to arrange data or check what was saved. The context is disposed when
    /// the work's task ends, so work that returns an unawaited task (a save still running) is refused: on PostgreSQL the
    /// disposed context would leave its transaction open and the test hanging.
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        if (result is Task)
        {
            throw new InvalidOperationException("WithDbAsync: await the database work inside the lambda instead of returning its task.");
        }
        return result;
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
            try
            {
                Directory.Delete(_storageRoot, recursive: true);
            }
            catch (IOException)
            {
                // left for the system's temp clean-up
            }
        }
    }
}
