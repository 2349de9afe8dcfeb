using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.EntryPages;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>聯盟推廣活動: counted within the project window, bad input, edit and delete, closed periods, other projects.</summary>
public sealed class PromotionPageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private const string Slug = "promotion";

    internal static Dictionary<string, string> Activity(string name, string date = "2021/05/20") => new()
    {
        ["Form.Name"] = name,
        ["Form.Date"] = date,
        ["Form.Place"] = "臺南市成功大學",
        ["Form.Participants"] = "42",
    };

    private Task<PromotionActivity?> SavedAsync(string name) =>
        factory.WithDbAsync(db => db.PromotionActivities.AsNoTracking().FirstOrDefaultAsync(e => e.Name == name));

    [Fact]
    public async Task AnActivityWithinTheWindowIsCountedAndOneBeforeItIsNot()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var (response, list) = await SendAsync(client, url, "/new", Activity("聯盟技術說明會"), ("簽到表.pdf", ProgressTestData.Pdf()));
        var (_, early) = await SendAsync(client, url, "/new", Activity("去年的說明會", "2020/12/20"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已儲存：列計", Flash(list));
        var saved = (await SavedAsync("聯盟技術說明會"))!;
        Assert.Equal(42, saved.Participants);
        Assert.Contains("臺南市成功大學", list.QuerySelector($"[data-testid=promotion-{saved.Id}]")!.TextContent);
        Assert.StartsWith("已儲存：不列計——", Flash(early));
        Assert.Contains("2020/12/20", Flash(early));
    }

    [Fact]
    public async Task BadInputComesBackAsTypedAndNothingIsSaved()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var (_, page) = await SendAsync(client, url, "/new", Activity("錯誤活動").With("Participants", "-3").With("Place", "").With("Date", ""));

        Assert.Equal("請輸入 0 以上的整數", ErrorFor(page, "Participants"));
        Assert.Equal("請輸入活動地點", ErrorFor(page, "Place"));
        Assert.Equal("請輸入活動日期", ErrorFor(page, "Date"));
        Assert.Equal("-3", ValueOf(page, "Participants"));
        Assert.Null(await SavedAsync("錯誤活動"));
    }

    [Fact]
    public async Task EditingDeletingClosedPeriodsAndOtherProjects()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        var closedUrl = await ListUrlAsync(factory, people, Slug, ReportingPeriodKind.SecondReport);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await SendAsync(pi, url, "/new", Activity("改前活動"));
        var saved = (await SavedAsync("改前活動"))!;
        var version = ValueOf(await pi.GetPageAsync($"{url}/{saved.Id}/edit"), "Version");

        var (edited, _) = await SendAsync(pi, url, $"/{saved.Id}/edit", Activity("改後活動").With("Version", version));
        var (_, closed) = await SendAsync(pi, closedUrl, "/new", Activity("未開放活動"));
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);
        var forbidden = await otherPi.GetAsync(url);
        var deleted = await pi.PostFormAsync($"{url}/{saved.Id}/delete", new { }, url);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("本綜整表 2021/11/01 起開放填報。", FlashError(closed));
        Assert.Null(await SavedAsync("未開放活動"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await SavedAsync("改後活動"));
    }
}
