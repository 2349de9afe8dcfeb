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

    /// <summary>The current document has finished loading (its readyState is "complete").</summary>
    public static Task WaitForLoadedAsync(this IPage page) => page.WaitForFunctionAsync(Loaded);
}
