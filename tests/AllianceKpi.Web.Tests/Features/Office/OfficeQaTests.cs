using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class OfficeQaTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<QaEntry?> EntryAsync(string question) =>
        factory.WithDbAsync(db => db.QaEntries.AsNoTracking().SingleOrDefaultAsync(q => q.Question == question));

    [Fact]
    public async Task OfficeAddsAnEntryThatThePublicPageShowsInItsOrder()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var last = await factory.WithDbAsync(db => db.QaEntries.MaxAsync(q => q.SortOrder));
        var form = await office.GetPageAsync("/office/qa/new");
        Assert.Equal((last + 1).ToString(), form.ValueOf("SortOrder"));

        await office.PostAcceptedAsync("/office/qa/new", new { Question = "最優先的問題？", Answer = "第一行\r\n第二行", SortOrder = "-1" }, "/office/qa");

        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/qa");
        var questions = page.QuerySelectorAll("[data-testid=qa-list] dt").Select(d => d.TextContent).ToList();
        Assert.Equal("Q：最優先的問題？", questions[0]);
        Assert.Equal(2, page.QuerySelectorAll("[data-testid=qa-list] dd")[0].QuerySelectorAll("br").Length + 1);
    }

    [Fact]
    public async Task EmptyTooLongAndNonNumericInputIsRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var before = await factory.WithDbAsync(db => db.QaEntries.CountAsync());
        var page = await office.PostRefusedAsync("/office/qa/new", new { Question = "", Answer = " ", SortOrder = "第一" }, "/office/qa/new");
        Assert.Equal("請輸入問題。", page.ErrorFor("Question"));
        Assert.Equal("請輸入回答。", page.ErrorFor("Answer"));
        Assert.Equal("排序請輸入整數，例如 1、2、3。", page.ErrorFor("SortOrder"));
        Assert.Equal("第一", page.ValueOf("SortOrder"));

        page = await office.PostRefusedAsync("/office/qa/new", new { Question = new string('問', 501), Answer = new string('答', 4001), SortOrder = "" }, "/office/qa/new");
        Assert.Equal("問題最多 500 個字。", page.ErrorFor("Question"));
        Assert.Equal("回答最多 4000 個字。", page.ErrorFor("Answer"));
        Assert.Equal("請輸入排序。", page.ErrorFor("SortOrder"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.QaEntries.CountAsync()));
    }

    [Fact]
    public async Task OfficeEditsAnEntry()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/qa/new", new { Question = "待修改的問題？", Answer = "舊答案", SortOrder = "50" }, "/office/qa");
        var entry = (await EntryAsync("待修改的問題？"))!;
        var form = await office.GetPageAsync($"/office/qa/{entry.Id}/edit");
        Assert.Equal("舊答案", form.ValueOf("Answer"));

        await office.PostAcceptedAsync($"/office/qa/{entry.Id}/edit", new { Version = form.ValueOf("Version"), Question = "已修改的問題？", Answer = "新答案", SortOrder = "51" }, "/office/qa");

        var saved = await factory.WithDbAsync(db => db.QaEntries.AsNoTracking().SingleAsync(q => q.Id == entry.Id));
        Assert.Equal(("已修改的問題？", "新答案", 51), (saved.Question, saved.Answer, saved.SortOrder));
    }

    [Fact]
    public async Task AnUnreadableHiddenVersionIsToldAboveTheFormAndNothingIsSaved()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/qa/new", new { Question = "版本亂碼的問題？", Answer = "原答案", SortOrder = "61" }, "/office/qa");
        var entry = (await EntryAsync("版本亂碼的問題？"))!;

        var page = await office.PostRefusedAsync($"/office/qa/{entry.Id}/edit", new { Version = "不是版本", Question = "版本亂碼的問題？", Answer = "我的答案", SortOrder = "61" }, $"/office/qa/{entry.Id}/edit");

        Assert.Contains(Web.Infrastructure.Views.UnreadableVersionFilter.Message, page.FormErrors());
        Assert.Equal("我的答案", page.ValueOf("Answer"));
        var stored = (await EntryAsync("版本亂碼的問題？"))!;
        Assert.Equal(("原答案", entry.Version), (stored.Answer, stored.Version));
    }

    [Fact]
    public async Task StaleEntryVersionIsRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/qa/new", new { Question = "同時編輯的問題？", Answer = "原答案", SortOrder = "60" }, "/office/qa");
        var entry = (await EntryAsync("同時編輯的問題？"))!;
        await factory.WithDbAsync(async db =>
        {
            (await db.QaEntries.SingleAsync(q => q.Id == entry.Id)).Answer = "別人的答案";
            await db.SaveChangesAsync();
        });
        var page = await office.PostRefusedAsync($"/office/qa/{entry.Id}/edit", new { Version = entry.Version.ToString(), Question = "同時編輯的問題？", Answer = "我的答案", SortOrder = "60" }, $"/office/qa/{entry.Id}/edit");
        Assert.Contains("資料已被其他人修改，請重新載入後再編輯。", page.FormErrors());
        Assert.Equal("我的答案", page.ValueOf("Answer"));
        Assert.Equal("別人的答案", (await EntryAsync("同時編輯的問題？"))!.Answer);
    }

    [Fact]
    public async Task OfficeDeletesAnEntry()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/qa/new", new { Question = "待刪除的問題？", Answer = "a", SortOrder = "70" }, "/office/qa");
        var entry = (await EntryAsync("待刪除的問題？"))!;
        var list = await office.GetPageAsync("/office/qa");
        Assert.False(string.IsNullOrEmpty(list.QuerySelector($"form[action='/office/qa/{entry.Id}/delete'] button")!.GetAttribute("data-confirm")));

        await office.PostAcceptedAsync($"/office/qa/{entry.Id}/delete", new { }, "/office/qa", tokenPage: "/office/qa");

        Assert.Null(await EntryAsync("待刪除的問題？"));
    }
}
