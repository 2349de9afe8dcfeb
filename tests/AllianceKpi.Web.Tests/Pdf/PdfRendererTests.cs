using System.Diagnostics;
using System.Text;
using AllianceKpi.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace AllianceKpi.Web.Tests.PdfRendering; // not ".Pdf": that name would hide the Pdf() test-data helper of other tests

/// <summary>One renderer (one real Chromium) shared by the tests of a class, as the portal shares one per process.</summary>
public sealed class RendererFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("AK_CHROMIUM") is { Length: > 0 } path ? path : PdfOptions.DefaultChromiumPath;

    public PdfRenderer Renderer { get; } = Create(ChromiumPath);

    public static PdfRenderer Create(string chromiumPath, int maxConcurrentRenders = 2) =>
        new(Options.Create(new PdfOptions { ChromiumPath = chromiumPath, MaxConcurrentRenders = maxConcurrentRenders }), NullLogger<PdfRenderer>.Instance);

    public Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}: install it with 'apt-get install -y chromium fonts-noto-cjk' (./test.sh does) or set AK_CHROMIUM.");
        }
        PopplerTools.EnsureInstalled();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Renderer.DisposeAsync();
}

public sealed class PdfRendererTests(RendererFixture fixture, ITestOutputHelper output) : IClassFixture<RendererFixture>
{
    private const int LongTableRows = 110;

    [Fact]
    public async Task LongDraftTablePrintsOnNumberedA4PagesWithHeaderAndWatermarkOnEach()
    {
        var pdf = await fixture.Renderer.RenderAsync(PdfTestDocument.Build(LongTableRows));

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var pageCount = PopplerTools.PageCount(pdf);
        Assert.True(pageCount >= 3, $"The table should fill at least 3 pages, it filled {pageCount}.");
        var pages = PopplerTools.PageTexts(pdf);
        var drawnPages = PopplerTools.PageTexts(pdf, layout: false);
        Assert.Equal(pageCount, pages.Count);
        Assert.Equal(pageCount, drawnPages.Count);
        Assert.Contains(PdfTestDocument.Title, pages[0]);
        Assert.Contains("智慧製造聯盟 001", pages[0]);
        Assert.Contains($"智慧製造聯盟 {LongTableRows:000}", pages[^1]);
        for (var i = 0; i < pageCount; i++)
        {
            var page = pages[i];
            Assert.True(page.Contains(PdfTestDocument.HeaderCells, StringComparison.Ordinal), $"Page {i + 1} lacks the table header:\n{page}");
            Assert.True(drawnPages[i].Contains("草稿", StringComparison.Ordinal), $"Page {i + 1} lacks the 草稿 watermark:\n{drawnPages[i]}");
            var pageNumber = PopplerTools.WithoutWhitespace($"第 {i + 1} 頁 / 共 {pageCount} 頁");
            Assert.True(PopplerTools.WithoutWhitespace(page).EndsWith(pageNumber, StringComparison.Ordinal), $"Page {i + 1} does not end with {pageNumber}:\n{page}");
        }
    }

    [Fact]
    public async Task PageSizeIsA4()
    {
        var pdf = await fixture.Renderer.RenderAsync(PdfTestDocument.Build(5));

        var info = PopplerTools.PageSize(pdf);
        Assert.Contains("(A4)", info);
    }

    [Fact]
    public async Task ConcurrentRendersAllSucceedWithTheirOwnContent()
    {
        var titles = new[] { "第一季摘要", "第二季摘要", "累計摘要" };

        var pdfs = await Task.WhenAll(titles.Select(title => fixture.Renderer.RenderAsync(PdfTestDocument.Build(40, title))));

        for (var i = 0; i < titles.Length; i++)
        {
            var text = string.Join("\n", PopplerTools.PageTexts(pdfs[i]));
            Assert.Contains(titles[i], text);
            Assert.DoesNotContain(titles[(i + 1) % titles.Length], text);
        }
    }

    [Fact]
    public async Task BrowserThatDisconnectedIsStartedAgainOnTheNextRender()
    {
        await using var renderer = RendererFixture.Create(RendererFixture.ChromiumPath);
        await renderer.RenderAsync(PdfTestDocument.Build(3));
        var first = renderer.CurrentBrowser!;

        await first.CloseAsync();
        var pdf = await renderer.RenderAsync(PdfTestDocument.Build(3, "重新啟動後"));

        Assert.False(first.IsConnected);
        Assert.NotSame(first, renderer.CurrentBrowser);
        Assert.True(renderer.CurrentBrowser!.IsConnected);
        Assert.Contains("重新啟動後", string.Join("\n", PopplerTools.PageTexts(pdf)));
    }

    [Fact]
    public async Task MissingChromiumGivesPdfUnavailableWithTheInstallCommand()
    {
        await using var renderer = RendererFixture.Create("/nonexistent/chromium");

        var error = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderAsync(PdfTestDocument.Build(3)));

        Assert.Contains("找不到 Chromium", error.Message);
        Assert.Contains("Chromium was not found", error.Message);
        Assert.Contains("apt-get install -y chromium fonts-noto-cjk", error.Message);
        Assert.Contains("/nonexistent/chromium", error.Message);
    }

    [Fact]
    public async Task RenderAfterDisposeIsRefused()
    {
        var renderer = RendererFixture.Create(RendererFixture.ChromiumPath);
        await renderer.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => renderer.RenderAsync("<p>x</p>"));
    }

    [Fact]
    public async Task WarmRenderOfTheThreePageDocumentTakesSeconds()
    {
        var html = PdfTestDocument.Build(LongTableRows);
        await fixture.Renderer.RenderAsync(html);
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await fixture.Renderer.RenderAsync(html);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"Warm renders (ms): {string.Join(", ", times.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}; median {times[2]:F0}");
        Assert.True(times[2] < 10_000, $"The median warm render took {times[2]:F0} ms.");
    }
}
