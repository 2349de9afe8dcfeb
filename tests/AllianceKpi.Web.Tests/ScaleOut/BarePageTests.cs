using System.Net;
using AllianceKpi.Web.Features.Bench;
using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.ScaleOut;

/// <summary>The portal with the load bench's bare page turned on, as the bench starts it.</summary>
public sealed class BarePageFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { [BarePageController.Setting] = "true" };
}

/// <summary>The bench's ceiling page (docs/performance.md) is served only when the bench turns it on.</summary>
public sealed class BarePageTests(BarePageFactory bench, PortalFactory plain) : IClassFixture<BarePageFactory>, IClassFixture<PortalFactory>
{
    [Fact]
    public async Task IsNotThereUnlessTurnedOn()
    {
        using var client = plain.NewClient();

        var response = await client.GetAsync(BarePageController.Route + "?rows=5");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(101)]
    public async Task WhenTurnedOnItHasTheRowsAskedForInThePortalsLayout(int rows)
    {
        using var client = bench.NewClient();

        var page = await client.GetPageAsync($"{BarePageController.Route}?rows={rows}");

        Assert.Equal(rows, page.QuerySelectorAll("[data-testid=bare] tbody tr").Length);
        Assert.NotNull(page.QuerySelector("footer"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(BarePageController.MaxRows + 1)]
    public async Task RefusesARowCountOutsideItsRange(int rows)
    {
        using var client = bench.NewClient();

        var response = await client.GetAsync($"{BarePageController.Route}?rows={rows}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
