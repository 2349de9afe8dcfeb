using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.EntryPages;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>技術服務: counted within the project window, bad input, edit and delete, closed periods, other projects.</summary>
public sealed class TechnicalServicePageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private const string Slug = "technical-services";

    internal static Dictionary<string, string> Service(string description, string client = "委託公司", string date = "2021/05/20") => new()
    {
        ["Form.MemberId"] = "",
        ["Form.CounterpartyName"] = client,
        ["Form.Amount"] = "80",
        ["Form.Date"] = date,
        ["Form.Description"] = description,
    };

    private Task<TechnicalService?> SavedAsync(string description) =>
        factory.WithDbAsync(db => db.TechnicalServices.AsNoTracking().FirstOrDefaultAsync(e => e.Description == description));

    [Fact]
    public async Task AServiceWithinTheWindowIsCountedAndOneAfterItIsNot()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var (response, list) = await SendAsync(client, url, "/new", Service("材料檢測服務"), ("報告.pdf", ProgressTestData.Pdf()));
        var (_, late) = await SendAsync(client, url, "/new", Service("逾期檢測服務", date: "2022/03/01"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已儲存：列計", Flash(list));
        var saved = (await SavedAsync("材料檢測服務"))!;
        Assert.Contains("委託公司", list.QuerySelector($"[data-testid=technical-service-{saved.Id}]")!.TextContent);
        Assert.NotNull(saved.AttachmentId);
        Assert.StartsWith("已儲存：不列計——", Flash(late));
        Assert.Contains("2022/03/01", Flash(late));
    }

    [Fact]
    public async Task BadInputComesBackAsTypedAndNothingIsSaved()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = await ListUrlAsync(factory, people, Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var (_, page) = await SendAsync(client, url, "/new", Service("錯誤服務", client: "").With("Amount", "3.14159").With("Date", "2021/02/30"));

        Assert.Equal("金額須為不小於 0 的數字，小數最多 3 位", ErrorFor(page, "Amount"));
        Assert.Equal("日期格式應為 2021/10/31", ErrorFor(page, "Date"));
        Assert.Equal("請選擇委託的聯盟會員，或輸入委託單位名稱", ErrorFor(page, "MemberId"));
        Assert.Equal("3.14159", ValueOf(page, "Amount"));
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
