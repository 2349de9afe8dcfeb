using System.Net;
using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Features;

public sealed class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task HealthAnswers200WhenTheDatabaseAnswers()
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HomePageListsTheSeededNewsPinnedFirst()
    {
        using var client = factory.NewClient();
        var page = await client.GetPageAsync("/");
        var items = page.QuerySelectorAll("[data-testid=news-list] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.StartsWith("2021科技部產學小聯盟管考平台操作說明", items[0]);
        Assert.Contains(items, i => i.Contains("2020科技部產學小聯盟成果專刊") && i.Contains("2020/12/07"));
    }

    [Fact]
    public async Task DemoPrincipalInvestigatorCanSignIn()
    {
        using var client = await factory.SignedInAsync("pi@demo.tw");
        var page = await client.GetPageAsync("/");
        Assert.Equal("pi@demo.tw", page.QuerySelector("[data-testid=signed-in-as]")?.TextContent);
    }
}
