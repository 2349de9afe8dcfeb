using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace AllianceKpi.Web.Infrastructure.Pdf;

/// <summary>
/// Prints an HTML document to PDF with Chromium, driven by Playwright. One browser serves the whole process: it is
/// started on the first render (about a second) and started again if it crashed or disconnected. Each render gets its
/// own browser context, closed afterwards; at most <see cref="PdfOptions.MaxConcurrentRenders"/> run at once.
/// </summary>
public sealed class PdfRenderer : IAsyncDisposable
{
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];

    private readonly PdfOptions _options;
    private readonly ILogger<PdfRenderer> _logger;
    private readonly SemaphoreSlim _renders;
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private volatile IBrowser? _browser;
    private bool _disposed;

    public PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _renders = new SemaphoreSlim(_options.MaxConcurrentRenders, _options.MaxConcurrentRenders);
    }

    /// <summary>The browser now running, if any (tests use it to simulate a crash).</summary>
    internal IBrowser? CurrentBrowser => _browser;

    /// <summary>Prints <paramref name="html"/> (a whole document, its styles inline) to the bytes of a PDF.</summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing or will not start.</exception>
    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _renders.WaitAsync(cancellationToken);
        try
        {
            var browser = await GetBrowserAsync(cancellationToken);
            try
            {
                return await PrintAsync(browser, html, cancellationToken);
            }
            catch (PlaywrightException ex) when (!browser.IsConnected)
            {
                // The browser died under this render: start a new one and try once more.
                _logger.LogWarning(ex, "Chromium disconnected during a PDF render; starting it again");
                browser = await GetBrowserAsync(cancellationToken);
                return await PrintAsync(browser, html, cancellationToken);
            }
        }
        finally
        {
            _renders.Release();
        }
    }

    private async Task<byte[]> PrintAsync(IBrowser browser, string html, CancellationToken cancellationToken)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-TW", JavaScriptEnabled = false });
        try
        {
            var timeout = (float)_options.RenderTimeout.TotalMilliseconds;
            context.SetDefaultTimeout(timeout);
            var page = await context.NewPageAsync();
            cancellationToken.ThrowIfCancellationRequested();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        }
        finally
        {
            await CloseQuietlyAsync(context);
        }
    }

    private async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }
        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }
            if (_browser is not null)
            {
                _logger.LogWarning("Chromium is no longer connected; starting it again");
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }
            _browser = await LaunchAsync();
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        var path = _options.ChromiumPath;
        if (!File.Exists(path))
        {
            throw PdfUnavailableException.ChromiumMissing(path);
        }
        try
        {
            _playwright ??= await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args = LaunchArgs,
            });
            _logger.LogInformation("Chromium {Version} started for PDF rendering", browser.Version);
            return browser;
        }
        catch (PlaywrightException ex)
        {
            _logger.LogError(ex, "Chromium at {Path} failed to start", path);
            throw PdfUnavailableException.ChromiumFailedToStart(path, ex);
        }
    }

    /// <summary>Closes a render's context; when the browser died meanwhile there is nothing left to close.</summary>
    private async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync();
        }
        catch (PlaywrightException ex)
        {
            _logger.LogDebug(ex, "Closing a PDF render's browser context failed");
        }
    }

    private async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException ex)
        {
            _logger.LogDebug(ex, "Closing a disconnected Chromium failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        await _launch.WaitAsync();
        try
        {
            _disposed = true;
            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
                _browser = null;
            }
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launch.Release();
        }
    }
}
