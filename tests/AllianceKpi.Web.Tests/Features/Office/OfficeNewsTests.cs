using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class OfficeNewsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<NewsItem?> NewsAsync(string title) =>
        factory.WithDbAsync(db => db.News.AsNoTracking().SingleOrDefaultAsync(n => n.Title == title));

    private Task<int> CountAsync() => factory.WithDbAsync(db => db.News.CountAsync());

    [Fact]
    public async Task OfficeAddsANewsItemThatTheHomePageShows()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var form = await office.GetPageAsync("/office/news/new");
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}$", form.ValueOf("PublishedOn"));

        await office.PostAcceptedAsync("/office/news/new", new
        {
            Title = "2021成果發表會報名開始", Body = "會議日期：110/11/24\r\n會議地點：台大醫院國際會議中心", PublishedOn = "2021-09-01", IsPinned = "false",
        }, "/office/news");

        var saved = await NewsAsync("2021成果發表會報名開始");
        Assert.NotNull(saved);
        Assert.Equal(new DateOnly(2021, 9, 1), saved.PublishedOn);
        Assert.Equal("會議日期：110/11/24\n會議地點：台大醫院國際會議中心", saved.Body);
        var list = await office.GetPageAsync("/office/news");
        Assert.Equal("已新增消息。", list.QuerySelector("[data-testid=flash]")!.TextContent);
        using var visitor = factory.NewClient();
        var home = await visitor.GetPageAsync("/");
        var link = home.QuerySelectorAll("[data-testid=news-list] a").Single(a => a.TextContent == "2021成果發表會報名開始");
        Assert.Equal($"/news/{saved.Id}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task HtmlTypedInATitleIsShownAsTextOnTheHomePage()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        const string title = "<script>alert('x')</script>公告";
        await office.PostAcceptedAsync("/office/news/new", new { Title = title, Body = "<b>粗體</b>", PublishedOn = "2021/09/02", IsPinned = "false" }, "/office/news");

        using var visitor = factory.NewClient();
        var response = await visitor.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
        var home = PortalClient.Parse(html);
        Assert.Contains(home.QuerySelectorAll("[data-testid=news-list] a"), a => a.TextContent == title);
        Assert.Empty(home.QuerySelectorAll("[data-testid=news-list] script"));

        var id = (await NewsAsync(title))!.Id;
        var item = await visitor.GetPageAsync($"/news/{id}");
        Assert.Equal("<b>粗體</b>", item.QuerySelector("[data-testid=news-body]")!.TextContent.Trim());
        Assert.Empty(item.QuerySelectorAll("[data-testid=news-body] b"));
    }

    [Fact]
    public async Task PinnedNewsComesFirstThenTheNewest()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/news/new", new { Title = "未置頂但最新", Body = "b", PublishedOn = "2099/01/01", IsPinned = "false" }, "/office/news");
        await office.PostAcceptedAsync("/office/news/new", new { Title = "置頂但較舊", Body = "b", PublishedOn = "2000/01/01", IsPinned = "true" }, "/office/news");

        using var visitor = factory.NewClient();
        var titles = (await visitor.GetPageAsync("/")).QuerySelectorAll("[data-testid=news-list] li a").Select(a => a.TextContent).ToList();
        var order = new[] { "2021科技部產學小聯盟管考平台操作說明", "置頂但較舊", "未置頂但最新", "2020科技部產學小聯盟成果專刊" }.Select(t => titles.IndexOf(t)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("置頂", (await visitor.GetPageAsync("/")).QuerySelectorAll("[data-testid=news-list] li")[order[1]].TextContent);
    }

    [Fact]
    public async Task EmptyTitleAndBodyAreRefusedAndNothingIsSaved()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var before = await CountAsync();
        var page = await office.PostRefusedAsync("/office/news/new", new { Title = "  ", Body = "", PublishedOn = "2021/09/03", IsPinned = "true" }, "/office/news/new");
        Assert.Equal("請輸入標題。", page.ErrorFor("Title"));
        Assert.Equal("請輸入內容。", page.ErrorFor("Body"));
        Assert.Equal("2021/09/03", page.ValueOf("PublishedOn"));
        Assert.NotNull(page.QuerySelector("input[name=IsPinned][checked]"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task TooLongTitleAndBodyAreRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var before = await CountAsync();
        var title = new string('標', 201);
        var page = await office.PostRefusedAsync("/office/news/new", new { Title = title, Body = new string('文', 4001), PublishedOn = "2021/09/03" }, "/office/news/new");
        Assert.Equal("標題最多 200 個字。", page.ErrorFor("Title"));
        Assert.Equal("內容最多 4000 個字。", page.ErrorFor("Body"));
        Assert.Equal(title, page.ValueOf("Title"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task ABodyOfExactly4000CharactersWithLineBreaksIsAccepted()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        // 39 lines of 100 characters and one of 61, joined by 39 CRLF line breaks: 4000 characters once a break counts as one.
        var body = string.Join("\r\n", Enumerable.Repeat(new string('字', 100), 39).Append(new string('字', 61)));
        Assert.Equal(4000 + 39, body.Length);
        await office.PostAcceptedAsync("/office/news/new", new { Title = "長內容", Body = body, PublishedOn = "2021/09/04" }, "/office/news");
        Assert.Equal(4000, (await NewsAsync("長內容"))!.Body.Length);
    }

    [Fact]
    public async Task BadOrMissingPublicationDateIsRefusedNextToTheField()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.PostRefusedAsync("/office/news/new", new { Title = "日期錯誤", Body = "b", PublishedOn = "2021/02/30" }, "/office/news/new");
        Assert.Equal("日期格式應為 2021/10/31", page.ErrorFor("PublishedOn"));
        Assert.Equal("2021/02/30", page.ValueOf("PublishedOn"));
        Assert.Equal("日期錯誤", page.ValueOf("Title"));
        page = await office.PostRefusedAsync("/office/news/new", new { Title = "日期錯誤", Body = "b", PublishedOn = "" }, "/office/news/new");
        Assert.Equal("請輸入發布日期。", page.ErrorFor("PublishedOn"));
        Assert.Null(await NewsAsync("日期錯誤"));
    }

    [Fact]
    public async Task OfficeEditsANewsItem()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/news/new", new { Title = "待修改", Body = "舊內容", PublishedOn = "2021/09/05" }, "/office/news");
        var item = (await NewsAsync("待修改"))!;
        var form = await office.GetPageAsync($"/office/news/{item.Id}/edit");
        Assert.Equal("舊內容", form.ValueOf("Body"));
        Assert.Equal("2021/09/05", form.ValueOf("PublishedOn"));

        await office.PostAcceptedAsync($"/office/news/{item.Id}/edit", new
        {
            Version = form.ValueOf("Version"), Title = "已修改", Body = "新內容", PublishedOn = "2021/09/06", IsPinned = "true",
        }, "/office/news");

        var saved = await factory.WithDbAsync(db => db.News.AsNoTracking().SingleAsync(n => n.Id == item.Id));
        Assert.Equal(("已修改", "新內容", new DateOnly(2021, 9, 6), true), (saved.Title, saved.Body, saved.PublishedOn, saved.IsPinned));
    }

    [Fact]
    public async Task StaleNewsVersionIsRefusedAndTheTypedTextIsKept()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/news/new", new { Title = "兩人同時編輯", Body = "原文", PublishedOn = "2021/09/07" }, "/office/news");
        var item = (await NewsAsync("兩人同時編輯"))!;
        await factory.WithDbAsync(async db =>
        {
            (await db.News.SingleAsync(n => n.Id == item.Id)).Body = "另一位同仁的修改";
            await db.SaveChangesAsync();
        });

        var page = await office.PostRefusedAsync($"/office/news/{item.Id}/edit", new
        {
            Version = item.Version.ToString(), Title = "兩人同時編輯", Body = "我的修改", PublishedOn = "2021/09/07",
        }, $"/office/news/{item.Id}/edit");

        Assert.Contains("資料已被其他人修改，請重新載入後再編輯。", page.FormErrors());
        Assert.Equal("我的修改", page.ValueOf("Body"));
        Assert.Equal("另一位同仁的修改", (await NewsAsync("兩人同時編輯"))!.Body);
    }

    [Fact]
    public async Task OfficeDeletesANewsItemAfterConfirming()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/news/new", new { Title = "待刪除", Body = "b", PublishedOn = "2021/09/08" }, "/office/news");
        var item = (await NewsAsync("待刪除"))!;
        var list = await office.GetPageAsync("/office/news");
        var button = list.QuerySelector($"form[action='/office/news/{item.Id}/delete'] button")!;
        Assert.False(string.IsNullOrEmpty(button.GetAttribute("data-confirm")));

        await office.PostAcceptedAsync($"/office/news/{item.Id}/delete", new { }, "/office/news", tokenPage: "/office/news");

        Assert.Null(await NewsAsync("待刪除"));
        using var visitor = factory.NewClient();
        await visitor.GetPageAsync($"/news/{item.Id}", System.Net.HttpStatusCode.NotFound);
    }
}
