using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.EntryPages;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>協助聯盟會員衍生成果: counted for member companies only, a granted patent needs its number, closed periods, other projects.</summary>
public sealed class DerivedResultPageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private const string Slug = "derived-results";

    internal static Dictionary<string, string> Result(string title, string memberId = "", string company = "") => new()
    {
        ["Form.Kind"] = "NewProduct",
        ["Form.MemberId"] = memberId,
        ["Form.CounterpartyName"] = company,
        ["Form.Title"] = title,
        ["Form.Date"] = "2021/05/20",
        ["Form.PatentNumber"] = "",
    };

    private Task<DerivedResult?> SavedAsync(string title) =>
        factory.WithDbAsync(db => db.DerivedResults.AsNoTracking().FirstOrDefaultAsync(e => e.Title == title));

    [Fact]
    public async Task AMemberCompanysProductIsCountedAndANonMembersIsNot()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        await AddAsync(client, people.DemoProjectId, periodId, Company("新產品會員公司"));
        var memberId = await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == "新產品會員公司").Select(m => m.Id).SingleAsync());

        var (response, list) = await SendAsync(client, url, "/new", Result("智慧感測模組", memberId.ToString()));
        var (_, outsider) = await SendAsync(client, url, "/new", Result("非會員新產品", company: "路人公司"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已儲存：列計", Flash(list));
        var saved = (await SavedAsync("智慧感測模組"))!;
        Assert.Contains("新產品會員公司", list.QuerySelector($"[data-testid=derived-result-{saved.Id}]")!.TextContent);
        Assert.StartsWith("已儲存：不列計——", Flash(outsider));
    }

    [Fact]
    public async Task AGrantedPatentNeedsItsNumberAndBadInputComesBackAsTyped()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var (_, page) = await SendAsync(client, url, "/new", Result("獲證專利甲", company: "某公司").With("Kind", "PatentGranted").With("Date", "2021/99/01"));

        Assert.Equal("專利獲證請輸入專利證書號", ErrorFor(page, "PatentNumber"));
        Assert.Equal("日期格式應為 2021/10/31", ErrorFor(page, "Date"));
        Assert.Equal("獲證專利甲", ValueOf(page, "Title"));
        Assert.Null(await SavedAsync("獲證專利甲"));
    }

    [Fact]
    public async Task EditingDeletingClosedPeriodsAndOtherProjects()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        var closedUrl = await ListUrlAsync(factory, people, Slug, ReportingPeriodKind.SecondReport);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await SendAsync(pi, url, "/new", Result("改前成果", company: "某公司"));
        var saved = (await SavedAsync("改前成果"))!;
        var version = ValueOf(await pi.GetPageAsync($"{url}/{saved.Id}/edit"), "Version");

        var (edited, _) = await SendAsync(pi, url, $"/{saved.Id}/edit", Result("改後成果", company: "某公司").With("Version", version));
        var (_, closed) = await SendAsync(pi, closedUrl, "/new", Result("未開放成果", company: "某公司"));
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);
        var forbidden = await otherPi.GetAsync(url);
        var deleted = await pi.PostFormAsync($"{url}/{saved.Id}/delete", new { }, url);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("本綜整表 2021/11/01 起開放填報。", FlashError(closed));
        Assert.Null(await SavedAsync("未開放成果"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await SavedAsync("改後成果"));
    }
}
