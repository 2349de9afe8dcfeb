using System.Text;
using AllianceKpi.Web.Infrastructure.Pdf;
using AllianceKpi.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Tests.PdfRendering;

/// <summary>The portal with its Pdf section set by a test.</summary>
public sealed class PdfPortalFactory(Dictionary<string, string?> pdfSettings) : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => pdfSettings;
}

public sealed class PdfRegistrationTests
{
    [Fact]
    public async Task ThePortalHasOneRendererWithItsConfiguredOptionsAndClosesItsChromiumWhenItStops()
    {
        var factory = new PdfPortalFactory(new()
        {
            ["Pdf:ChromiumPath"] = RendererFixture.ChromiumPath,
            ["Pdf:MaxConcurrentRenders"] = "1",
        });
        PdfRenderer renderer;
        try
        {
            renderer = factory.Service<PdfRenderer>();
            Assert.Same(renderer, factory.Service<PdfRenderer>());
            var options = factory.Service<IOptions<PdfOptions>>().Value;
            Assert.Equal(RendererFixture.ChromiumPath, options.ChromiumPath);
            Assert.Equal(1, options.MaxConcurrentRenders);

            var pdf = await renderer.RenderAsync(PdfTestDocument.Build(3));
            Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
            Assert.True(renderer.CurrentBrowser!.IsConnected);
        }
        finally
        {
            await factory.DisposeAsync();
        }

        // The test host stops the portal; Program's RunAsync then disposes the services a moment later, on its own thread.
        for (var waited = 0; renderer.CurrentBrowser is not null && waited < 10_000; waited += 50)
        {
            await Task.Delay(50);
        }
        Assert.Null(renderer.CurrentBrowser);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => renderer.RenderAsync("<p>x</p>"));
    }

    [Fact]
    public async Task ThePortalStartsWithoutChromiumAndOnlyItsRendersFail()
    {
        await using var factory = new PdfPortalFactory(new() { ["Pdf:ChromiumPath"] = "/nonexistent/chromium" });
        using var visitor = factory.NewClient();

        var home = await visitor.GetPageAsync("/");
        var error = await Assert.ThrowsAsync<PdfUnavailableException>(() => factory.Service<PdfRenderer>().RenderAsync("<p>x</p>"));

        Assert.NotNull(home.QuerySelector("body"));
        Assert.Contains("apt-get install -y chromium fonts-noto-cjk", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    public async Task AConcurrencyLimitOutOfRangeStopsThePortalWithOneClearLine(string limit)
    {
        await using var factory = new PdfPortalFactory(new() { ["Pdf:MaxConcurrentRenders"] = limit });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Service<PdfRenderer>());

        Assert.Contains("Pdf:MaxConcurrentRenders must be between 1 and 16.", error.Message);
    }
}
