using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support;

/// <summary>
/// The real portal on a real Kestrel port and one headless Debian Chromium driven by Playwright, shared by a test class.
/// Each test gets its own browser context (its own cookies). A derived host may stop the portal's clock at one instant.
/// </summary>
public class BrowserHost : PortalFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;


    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public Personas People { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("AK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/lib/chromium/chromium";

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("AK_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "alliancekpi-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with 'apt-get install -y chromium fonts-noto-cjk' or set AK_CHROMIUM.");
        }
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        People = await Personas.EnsureAsync(this);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>
    /// A page in a fresh context. <paramref name="bypassCsp"/> lets a test inject its own script (axe-core) into pages whose
    /// Content-Security-Policy forbids inline script; the portal's pages are otherwise tested under their real policy.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            BypassCSP = bypassCsp,
            Locale = "zh-TW",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: a loaded 2-core CI machine can take seconds for a first page; a real hang still fails the test.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>The portal on 2021/06/01 10:00 in Taiwan: the first report (第一次(3), deadline 2021/10/31) accepts work progress.</summary>
public sealed class ProgressBrowserHost : BrowserHost
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 6, 1, 2, 0, 0, TimeSpan.Zero);
}

/// <summary>The portal on 2021/04/15 10:00 in Taiwan: the demo year's 預期成果綜整表 (2021/03/29–2021/04/30) is open.</summary>
public sealed class ExpectedResultsBrowserHost : BrowserHost
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 4, 15, 2, 0, 0, TimeSpan.Zero);
}
