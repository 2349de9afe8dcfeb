using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.EntryPages;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>對聯盟會員之服務: counted when companies attend, bad input, edit and delete, closed periods, other projects.</summary>
public sealed class MemberServicePageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private const string Slug = "member-services";

    internal static Dictionary<string, string> Service(string title, string attendees = "12") => new()
    {
        ["Form.Kind"] = "Seminar",
        ["Form.Title"] = title,
        ["Form.Date"] = "2021/05/20",
        ["Form.CompanyAttendees"] = attendees,
        ["Form.CompaniesServed"] = "5",
    };

    private Task<MemberService?> SavedAsync(string title) =>
        factory.WithDbAsync(db => db.MemberServices.AsNoTracking().FirstOrDefaultAsync(e => e.Title == title));

    [Fact]
    public async Task ASeminarWithCompanyAttendeesIsCountedAndOneWithoutThemIsNot()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var (response, list) = await SendAsync(client, url, "/new", Service("智慧製造技術研討會"));
        var (_, empty) = await SendAsync(client, url, "/new", Service("無廠商研討會", "0"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已儲存：列計", Flash(list));
        var saved = (await SavedAsync("智慧製造技術研討會"))!;
        Assert.Contains("技術研討會", list.QuerySelector($"[data-testid=member-service-{saved.Id}]")!.TextContent);
        Assert.StartsWith("已儲存：不列計——", Flash(empty));
        Assert.Contains("廠商參與人數為 0", Flash(empty));
    }

    [Fact]
    public async Task BadInputComesBackAsTypedAndNothingIsSaved()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var (_, page) = await SendAsync(client, url, "/new", Service("錯誤服務", "十二").With("Kind", ""));

        Assert.Equal("請輸入 0 以上的整數", ErrorFor(page, "CompanyAttendees"));
        Assert.Equal("請選擇服務類別", ErrorFor(page, "Kind"));
        Assert.Equal("十二", ValueOf(page, "CompanyAttendees"));
        Assert.Null(await SavedAsync("錯誤服務"));
    }

    [Fact]
    public async Task EditingDeletingClosedPeriodsAndOtherProjects()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        var closedUrl = await ListUrlAsync(factory, people, Slug, ReportingPeriodKind.SecondReport);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await SendAsync(pi, url, "/new", Service("改前服務"));
        var saved = (await SavedAsync("改前服務"))!;
        var version = ValueOf(await pi.GetPageAsync($"{url}/{saved.Id}/edit"), "Version");

        var (edited, _) = await SendAsync(pi, url, $"/{saved.Id}/edit", Service("改後服務").With("Version", version));
        var (_, closed) = await SendAsync(pi, closedUrl, "/new", Service("未開放服務"));
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);
        var forbidden = await otherPi.GetAsync(url);
        var deleted = await pi.PostFormAsync($"{url}/{saved.Id}/delete", new { }, url);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("本綜整表 2021/11/01 起開放填報。", FlashError(closed));
        Assert.Null(await SavedAsync("未開放服務"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await SavedAsync("改後服務"));
    }
}
