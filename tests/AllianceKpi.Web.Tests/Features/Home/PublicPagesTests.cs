using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Content;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Home;

public sealed class PublicPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task HomePageListsTheSeededNewsWithDatesAndLinks()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/");
        var items = page.QuerySelectorAll("[data-testid=news-list] li").ToList();
        Assert.Contains("置頂", items[0].TextContent);
        var special = items.Single(li => li.TextContent.Contains("2020科技部產學小聯盟成果專刊"));
        Assert.Contains("2020/12/07", special.TextContent);
        var id = await factory.WithDbAsync(db => db.News.Where(n => n.Title == "2020科技部產學小聯盟成果專刊").Select(n => n.Id).SingleAsync());
        Assert.Equal($"/news/{id}", special.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task HomePageExplainsHowAccountsAreObtained()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/");
        var howto = page.QuerySelector("[data-testid=account-howto]")!.TextContent;
        Assert.Contains("計畫助理 → 註冊申請", howto);
        Assert.Contains("計畫主持人 → 統一核發", howto);
        Assert.Contains("助理登入需先行註冊通過再由計畫主持人完成設定。", page.QuerySelector("[data-testid=quick-tips]")!.TextContent);
    }

    [Fact]
    public async Task NewsPageKeepsLineBreaksAndEscapesTheBody()
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var item = new NewsItem { Title = "換行測試", Body = "第一行\n<i>第二行</i>\n第三行", PublishedOn = new DateOnly(2021, 5, 1) };
            db.News.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync($"/news/{id}");
        Assert.Equal("換行測試", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("2021/05/01", page.QuerySelector("[data-testid=news-item]")!.TextContent);
        var body = page.QuerySelector("[data-testid=news-body]")!;
        Assert.Equal(2, body.QuerySelectorAll("br").Length);
        Assert.Empty(body.QuerySelectorAll("i"));
        Assert.Contains("<i>第二行</i>", body.TextContent);
    }

    [Fact]
    public async Task MissingNewsItemAnswers404()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/news/987654", HttpStatusCode.NotFound);
        Assert.Contains("找不到頁面", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task AboutPageShowsTheScheduleAndTheLatestYearsPeriodDates()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/about");
        Assert.Contains("計畫執行重要時程", page.QuerySelector("main")!.TextContent);
        Assert.Contains("4 月 30 日前繳交期末報告", page.QuerySelector("[data-testid=schedule]")!.TextContent);
        var current = page.QuerySelector("[data-testid=current-year]")!.TextContent;
        Assert.Contains("110.01.01～111.01.31", current);
        var rows = page.QuerySelectorAll("[data-testid=period-dates] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("2021年產學小聯盟第一次(3)成果綜整表") && r.Contains("2021/02/01") && r.Contains("2021/10/31"));

        await factory.WithDbAsync(async db =>
        {
            var year = ProgrammeYear.WithStandardWindows(2022);
            year.Periods.Add(new ReportingPeriod
            {
                Kind = ReportingPeriodKind.ExpectedResults, Name = "2022年產學小聯盟預期成果綜整表",
                OpensOn = new DateOnly(2022, 3, 1), Deadline = new DateOnly(2022, 4, 29),
            });
            db.ProgrammeYears.Add(year);
            await db.SaveChangesAsync();
        });

        page = await visitor.GetPageAsync("/about");
        rows = page.QuerySelectorAll("[data-testid=period-dates] tbody tr").Select(r => r.TextContent).ToList();
        var only = Assert.Single(rows);
        Assert.Contains("2022年產學小聯盟預期成果綜整表", only);
        Assert.Contains("2022/04/29", only);
        Assert.Contains("111.01.01～112.01.31", page.QuerySelector("[data-testid=current-year]")!.TextContent);
    }

    [Fact]
    public async Task QaPageListsEntriesBySortOrder()
    {
        await factory.WithDbAsync(async db =>
        {
            db.QaEntries.Add(new QaEntry { Question = "排在最前面的問題？", Answer = "是的。", SortOrder = 0 });
            db.QaEntries.Add(new QaEntry { Question = "排在最後面的問題？", Answer = "是的。", SortOrder = 99 });
            await db.SaveChangesAsync();
        });
        using var visitor = factory.NewClient();
        var questions = (await visitor.GetPageAsync("/qa")).QuerySelectorAll("[data-testid=qa-list] dt").Select(d => d.TextContent).ToList();
        Assert.Equal("Q：排在最前面的問題？", questions[0]);
        Assert.Equal("Q：計畫助理如何取得帳號？", questions[1]);
        Assert.Equal("Q：排在最後面的問題？", questions[^1]);
    }

    [Fact]
    public async Task ContactPageShowsTheProgrammeOffice()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/contact");
        Assert.Contains("計畫辦公室－工程科技推展中心", page.QuerySelector("[data-testid=contact]")!.TextContent);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/about")]
    [InlineData("/approved")]
    [InlineData("/contact")]
    [InlineData("/qa")]
    public async Task PublicPagesAnswerSignedInProjectMembersToo(string url)
    {
        using var pi = await factory.SignedInAsync(AllianceKpi.Infrastructure.Seeding.DemoSeeder.PiEmail);
        await pi.GetPageAsync(url);
    }
}
