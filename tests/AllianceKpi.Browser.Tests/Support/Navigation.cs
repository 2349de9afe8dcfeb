using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support;

/// <summary>
/// Waits for a page a click led to. Playwright's own wait for the "load" state after a click (inside WaitForURLAsync when
/// the URL already matches) twice hung for 30 s with Debian's Chromium 156 although the page had loaded (the new document's
/// load event was never recorded; only "networkidle" was). So the URL is awaited up to its commit, and the load is read
/// from the document itself.
/// </summary>
public static class Navigation
{
    private const string Loaded = "() => document.readyState === 'complete'";

    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLoadedAsync();
    }

    public static async Task WaitForPageAsync(this IPage page, Regex url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
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
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
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
