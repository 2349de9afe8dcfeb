using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support;

/// <summary>Base of the browser tests: runs a scenario and saves a full-page screenshot of every open page when it fails.</summary>
public abstract class BrowserTest(BrowserHost host)
{
    protected BrowserHost Host => host;

    private readonly List<IPage> _pages = [];

    protected async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var page = await host.NewPageAsync(bypassCsp);
        _pages.Add(page);
        return page;
    }

    protected async Task ScenarioAsync(Func<Task> scenario, [CallerMemberName] string name = "")
    {
        try
        {
            await scenario();
        }
        catch
        {
            Directory.CreateDirectory(BrowserHost.ScreenshotFolder);
            for (var i = 0; i < _pages.Count; i++)
            {
                var file = Path.Combine(BrowserHost.ScreenshotFolder, $"{GetType().Name}.{name}.{i + 1}.png");
                try
                {
                    await _pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // the page is gone; the exception below says why
                }
            }
            throw;
        }
        finally
        {
            foreach (var page in _pages)
            {
                await page.Context.CloseAsync();
            }
            _pages.Clear();
        }
    }
}
