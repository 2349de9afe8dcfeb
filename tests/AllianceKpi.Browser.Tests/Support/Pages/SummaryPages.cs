using System.Diagnostics;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>季綜整表 / 累計綜整表 preview: opened from the 管考資料 form, with its 下載 PDF link.</summary>
public sealed class SummaryPage(IPage page)
{
    public ILocator Title => page.GetByTestId("summary-title");
    public ILocator Header => page.GetByTestId("summary-header");
    public ILocator Watermark => page.Locator(".watermark");

    /// <summary>From the open 管考資料 form: the link of one summary (季綜整表 or 累計綜整表).</summary>
    public async Task OpenFromFormAsync(string summary)
    {
        await page.GetByTestId("summary-links").GetByRole(AriaRole.Link, new() { Name = summary, Exact = true }).ClickAsync();
        await Assertions.Expect(Title).ToBeVisibleAsync();
    }

    /// <summary>Clicks 下載 PDF and waits for the browser's download: its suggested name and its bytes.</summary>
    public async Task<(string FileName, byte[] Pdf)> DownloadPdfAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下載 PDF" }).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    /// <summary>The PDF's text as pdftotext (poppler-utils) extracts it.</summary>
    public static string TextOf(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"summary-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })
                                ?? throw new InvalidOperationException("pdftotext did not start (apt-get install -y poppler-utils).");
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
