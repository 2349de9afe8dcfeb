using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace AllianceKpi.Web.Infrastructure.Pdf;

/// <summary>
/// Prints an HTML document to PDF with Chromium, driven by Playwright. One browser serves the whole process: it is
/// started on the first render (about a second) and started again if it crashed or disconnected. Renders share one
/// browser context (JavaScript off) and reuse its pages: a page is taken from the idle ones (or opened), its document
/// replaced by the next HTML, printed, and put back; a page whose render failed is closed instead. Opening a context and a
/// page cost more than a small summary's print, so this is what keeps a zip of every project's summary fast. At most
/// <see cref="PdfOptions.MaxConcurrentRenders"/> run at once, so there are never more pages than that.
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
    private volatile Session? _session;
    private bool _disposed;

    public PdfRenderer(IOptions<PdfOptions> options, ILogger<PdfRenderer> logger)
    {
        _options = options.Value;
        _logger = logger;
        _renders = new SemaphoreSlim(_options.MaxConcurrentRenders, _options.MaxConcurrentRenders);
    }

    /// <summary>The browser now running, if any (tests use it to simulate a crash).</summary>
    internal IBrowser? CurrentBrowser => _session?.Browser;

    /// <summary>Prints <paramref name="html"/> (a whole document, its styles inline) to the bytes of a PDF.</summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing or will not start.</exception>
    public async Task<byte[]> RenderAsync(string html, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _renders.WaitAsync(cancellationToken);
        try
        {
            var session = await GetSessionAsync(cancellationToken);
            try
            {
                return await PrintAsync(session, html, cancellationToken);
            }
            catch (PlaywrightException ex) when (!session.Browser.IsConnected)
            {
                // The browser died under this render: start a new one and try once more.
                _logger.LogWarning(ex, "Chromium disconnected during a PDF render; starting it again");
                session = await GetSessionAsync(cancellationToken);
                return await PrintAsync(session, html, cancellationToken);
            }
        }
        finally
        {
            _renders.Release();
        }
    }

    private async Task<byte[]> PrintAsync(Session session, string html, CancellationToken cancellationToken)
    {
        if (!session.IdlePages.TryTake(out var page) || page.IsClosed)
        {
            page = await session.Context.NewPageAsync();
        }
        var printed = false;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var timeout = (float)_options.RenderTimeout.TotalMilliseconds;
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout });
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
            printed = true;
            return bytes;
        }
        finally
        {
            if (printed)
            {
                session.IdlePages.Add(page);
            }
            else
            {
                await CloseQuietlyAsync(page);
            }
        }
    }

    private async Task<Session> GetSessionAsync(CancellationToken cancellationToken)
    {
        if (_session is { Browser.IsConnected: true } running)
        {
            return running;
        }
        await _launch.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is { Browser.IsConnected: true } started)
            {
                return started;
            }
            if (_session is not null)
            {
                _logger.LogWarning("Chromium is no longer connected; starting it again");
                await CloseQuietlyAsync(_session.Browser);
                _session = null;
            }
            var browser = await LaunchAsync();
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-TW", JavaScriptEnabled = false });
            context.SetDefaultTimeout((float)_options.RenderTimeout.TotalMilliseconds);
            _session = new Session(browser, context, new ConcurrentBag<IPage>());
            return _session;
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

    /// <summary>Closes the page of a failed render; when the browser died meanwhile there is nothing left to close.</summary>
    private async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (PlaywrightException ex)
        {
            _logger.LogDebug(ex, "Closing a PDF render's page failed");
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
            if (_session is not null)
            {
                await CloseQuietlyAsync(_session.Browser);
                _session = null;
            }
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _launch.Release();
        }
    }

    /// <summary>A running Chromium, the one context the renders share and its pages not printing now.</summary>
    private sealed record Session(IBrowser Browser, IBrowserContext Context, ConcurrentBag<IPage> IdlePages);
}
