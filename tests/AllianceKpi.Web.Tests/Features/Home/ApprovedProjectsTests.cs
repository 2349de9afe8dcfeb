using AllianceKpi.Domain.Projects;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Home;

/// <summary>通過計畫 and the home page's 相關連結: approved projects only, by year, with safe links and banners where uploaded.</summary>
public sealed class ApprovedProjectsTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private int _bannerProjectId;
    private int _oldProjectId;

    public async Task InitializeAsync()
    {
        await factory.WithDbAsync(async db =>
        {
            if (await db.Projects.AnyAsync(p => p.Number == "2021BANNER_test"))
            {
                return;
            }
            db.Projects.AddRange(
                Project("2021BANNER_test", 2021, ProjectStatus.Running, "有橫幅的聯盟", "http://banner.example.tw/"),
                Project("2021REJ_test", 2021, ProjectStatus.Rejected, "未通過的聯盟", "https://rejected.example.tw/"),
                Project("2020OLD_test", 2020, ProjectStatus.Ended, "去年的聯盟", "javascript:alert(1)"),
                Project("2019REJ_test", 2019, ProjectStatus.Rejected, "更早未通過的聯盟", null));
            await db.SaveChangesAsync();
            var banner = await db.Projects.SingleAsync(p => p.Number == "2021BANNER_test");
            db.AllianceBanners.Add(new AllianceBanner { ProjectId = banner.Id, Content = [1, 2, 3], Sha256 = new string('a', 64), UploadedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        (_bannerProjectId, _oldProjectId) = await factory.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Number == "2021BANNER_test").Select(p => p.Id).SingleAsync(),
            await db.Projects.Where(p => p.Number == "2020OLD_test").Select(p => p.Id).SingleAsync()));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Project Project(string number, int year, ProjectStatus status, string alliance, string? website) => new()
    {
        Number = number, Name = $"{alliance}計畫", Year = year, Status = status, PrincipalInvestigatorName = "李主持",
        School = "中興大學", Department = "機械系",
        Alliance = new AllianceProfile { AllianceName = alliance, Website = website, PrimaryIndustryCode = "C29" },
    };

    private static List<string> Numbers(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=approved-projects] tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();

    [Fact]
    public async Task ApprovedProjectsDefaultToTheLatestYearAndLeaveOutRejectedOnes()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/approved");
        Assert.Equal(["2021BANNER_test", "2021ETPC_test"], Numbers(page));
        var options = page.QuerySelectorAll("select[name=year] option").Select(o => (o.TextContent, o.HasAttribute("selected"))).ToList();
        Assert.Equal([("2021", true), ("2020", false)], options);
    }

    [Fact]
    public async Task ApprovedProjectsFilterByYear()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/approved?year=2020");
        Assert.Equal(["2020OLD_test"], Numbers(page));
        Assert.True(page.QuerySelector("select[name=year] option[value='2020']")!.HasAttribute("selected"));
        page = await visitor.GetPageAsync("/approved?year=2019");
        Assert.Empty(Numbers(page));
        Assert.Contains("2019 年度沒有通過計畫。", page.QuerySelector("[data-testid=no-projects]")!.TextContent);
    }

    [Fact]
    public async Task ApprovedProjectRowShowsTheAllianceDetails()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/approved?year=2021");
        var row = page.QuerySelectorAll("[data-testid=approved-projects] tbody tr").Single(r => r.TextContent.Contains("2021ETPC_test"));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["2021ETPC_test", "智慧醫材示範產學聯盟", "2021ETPC_test", "王大明", "成功大學", "(C20)電腦、電子產品及光學製品製造業"], cells.Take(6));
        var link = row.QuerySelector("a[data-testid=website]")!;
        Assert.Equal("https://alliance.example.tw/", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Null(row.QuerySelector("img"));
    }

    [Fact]
    public async Task BannerIsShownOnlyForAnAllianceThatUploadedOne()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/approved");
        var img = Assert.Single(page.QuerySelectorAll("[data-testid=approved-projects] img"));
        Assert.Equal($"/banners/{_bannerProjectId}", img.GetAttribute("src"));
        Assert.Equal("有橫幅的聯盟", img.GetAttribute("alt"));
    }

    [Fact]
    public async Task WebsiteThatIsNotHttpIsNeverLinked()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/approved?year=2020");
        Assert.Empty(page.QuerySelectorAll("[data-testid=approved-projects] a"));
        Assert.DoesNotContain("javascript:", await (await visitor.GetAsync("/approved?year=2020")).Content.ReadAsStringAsync());
        Assert.True(_oldProjectId > 0);
    }

    [Fact]
    public async Task HomeLinksTheLatestYearsAlliancesWithBannerOrName()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/");
        var links = page.QuerySelectorAll("[data-testid=alliance-links] a").ToList();
        Assert.Equal(2, links.Count);
        var banner = links.Single(a => a.GetAttribute("href") == "http://banner.example.tw/");
        Assert.Equal($"/banners/{_bannerProjectId}", banner.QuerySelector("img")!.GetAttribute("src"));
        var text = links.Single(a => a.GetAttribute("href") == "https://alliance.example.tw/");
        Assert.Equal("智慧醫材示範產學聯盟", text.TextContent.Trim());
        Assert.Null(text.QuerySelector("img"));
        Assert.All(links, a => Assert.Equal("noopener noreferrer", a.GetAttribute("rel")));
        Assert.DoesNotContain("未通過的聯盟", page.QuerySelector("[data-testid=alliance-links]")!.TextContent);
    }
}
