using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support;

/// <summary>
/// Waits for a page a click led to. Playwright's own waits were not used for this: when the URL already matches,
/// WaitForURLAsync waits for the "load" state whatever WaitUntil says, and that wait hung for 30 s with Debian's Chromium
/// although the page had loaded (the new document's load event was never recorded; only "networkidle" was). It happened
/// on a fast sign-in, whose redirect had committed before the wait began. So the URL is read from the page and the load
/// from the document itself, both every 50 ms of real time.
/// </summary>
public static class Navigation
{
    private const string Loaded = "() => document.readyState === 'complete'";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> url)
    {
        var until = DateTime.UtcNow + Limit;
        while (!url(page.Url))
        {
            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"The page stayed at {page.Url} for 30 s; another address was expected.");
            }
            await Task.Delay(50);
        }
        await page.WaitForLoadedAsync();
    }

    public static Task WaitForPageAsync(this IPage page, Regex url) => page.WaitForPageAsync(url.IsMatch);

    /// <summary>Opens an address (relative to the context's base) and waits, as above, for its document to finish loading.</summary>
    public static async Task GoToPageAsync(this IPage page, string url)
    {
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLoadedAsync();
    }

    /// <summary>Reloads the page and waits for the new document to finish loading.</summary>
    public static async Task ReloadPageAsync(this IPage page)
    {
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLoadedAsync();
    }

    /// <summary>
    /// The current document has finished loading (its readyState is "complete"). Asked from here every 50 ms of real time rather
    /// than with Playwright's wait for a function, which polls on the page's animation frames: in a test that installs
    /// Playwright's fake clock before signing in, those frames stop, and the wait hung for 30 s on a page already loaded
    /// whenever the first look came before the load finished.
    /// </summary>
    public static async Task WaitForLoadedAsync(this IPage page)
    {
        var until = DateTime.UtcNow + Limit;
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<bool>(Loaded))
                {
                    return;
                }
            }
            catch (PlaywrightException) when (DateTime.UtcNow < until)
            {
                // The document was replaced while it was asked (a navigation in between): ask the new one.
            }
            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"The page {page.Url} did not finish loading within 30 s.");
            }
            await Task.Delay(50);
        }
    }
}
