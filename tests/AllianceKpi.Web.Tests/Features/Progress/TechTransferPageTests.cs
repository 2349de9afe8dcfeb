using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>衍生技轉: to a member company within the project window, bad input, closed periods, other projects.</summary>
public sealed class TechTransferPageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    internal static Dictionary<string, string> Transfer(string name, string memberId = "", string licensee = "") => new()
    {
        ["Form.Name"] = name,
        ["Form.MemberId"] = memberId,
        ["Form.CounterpartyName"] = licensee,
        ["Form.Amount"] = "300",
        ["Form.SignedOn"] = "2021/04/15",
    };

    private async Task<(string Url, PortalClient Client, Personas People, int PeriodId)> StartAsync(string email = DemoSeeder.AssistantEmail)
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        return ($"{Base(people.DemoProjectId, periodId)}/tech-transfers", await factory.SignedInAsync(email), people, periodId);
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SendAsync(PortalClient client, string url,
        string action, Dictionary<string, string> fields, (string, byte[])? file = null)
    {
        var response = await PostAsync(client, url + action, fields, url, file);
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetPageAsync(response.Headers.Location!.OriginalString)
            : PortalClient.Parse(await response.Content.ReadAsStringAsync());
        return (response, page);
    }

    private Task<TechTransfer?> SavedAsync(string name) =>
        factory.WithDbAsync(db => db.TechTransfers.AsNoTracking().FirstOrDefaultAsync(e => e.Name == name));

    [Fact]
    public async Task ATransferToAMemberCompanyIsCountedAndASigningOutsideTheWindowIsNot()
    {
        var (url, client, people, periodId) = await StartAsync();
        using var _ = client;
        await AddAsync(client, people.DemoProjectId, periodId, Company("技轉會員公司"));
        var memberId = await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == "技轉會員公司").Select(m => m.Id).SingleAsync());
        var form = await client.GetPageAsync($"{url}/new");
        Assert.Equal("簽約日期限定在 2021/01/01~2022/01/31 才有效", form.QuerySelector("[data-testid=window-hint]")!.TextContent);

        var (response, list) = await SendAsync(client, url, "/new", Transfer("檢測技術授權", memberId.ToString()), ("授權合約.pdf", ProgressTestData.Pdf()));
        var (_, late) = await SendAsync(client, url, "/new", Transfer("逾期簽約授權", memberId.ToString()).With("SignedOn", "2022/02/01"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已儲存：列計", list.QuerySelector("[data-testid=flash]")!.TextContent);
        var saved = (await SavedAsync("檢測技術授權"))!;
        Assert.Equal(300m, saved.Amount);
        Assert.NotNull(saved.AttachmentId);
        Assert.Contains("技轉會員公司", list.QuerySelector($"[data-testid=tech-transfer-{saved.Id}]")!.TextContent);
        var flash = late.QuerySelector("[data-testid=flash]")!.TextContent;
        Assert.StartsWith("已儲存：不列計——", flash);
        Assert.Contains("2022/02/01", flash);
    }

    [Fact]
    public async Task ATransferToATypedNonMemberCompanyIsCountedWithTheEnginesNote()
    {
        var (url, client, _, _) = await StartAsync();
        using var _ = client;

        var (response, list) = await SendAsync(client, url, "/new", Transfer("非會員技轉", licensee: "庚光電股份有限公司"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已儲存：列計", list.QuerySelector("[data-testid=flash]")!.TextContent);
        var saved = (await SavedAsync("非會員技轉"))!;
        Assert.Null(saved.MemberId);
        var row = list.QuerySelector($"[data-testid=tech-transfer-{saved.Id}]")!;
        Assert.Contains("庚光電股份有限公司（非會員）", row.TextContent);
        var note = "技轉對象「庚光電股份有限公司」非聯盟會員：技轉對象為廠商即可列計";
        Assert.Equal("列計", row.QuerySelector("[data-testid=verdict] .badge")!.TextContent);
        Assert.Equal(note, row.QuerySelector("[data-testid=verdict] .badge")!.GetAttribute("title"));
        Assert.Contains(note, row.QuerySelector("[data-testid=verdict]")!.TextContent);
    }

    [Fact]
    public async Task BadInputComesBackAsTypedAndNothingIsSaved()
    {
        var (url, client, _, _) = await StartAsync();
        using var _ = client;

        var (response, page) = await SendAsync(client, url, "/new", Transfer("錯誤技轉").With("Amount", "-3").With("SignedOn", "去年"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("金額須為不小於 0 的數字，小數最多 3 位", ErrorFor(page, "Amount"));
        Assert.Equal("日期格式應為 2021/10/31", ErrorFor(page, "SignedOn"));
        Assert.Equal("請選擇技轉的聯盟會員，或輸入技轉對象名稱", ErrorFor(page, "MemberId"));
        Assert.Equal("去年", ValueOf(page, "SignedOn"));
        Assert.Null(await SavedAsync("錯誤技轉"));
    }

    [Fact]
    public async Task EditingAndDeletingWork()
    {
        var (url, client, _, _) = await StartAsync(DemoSeeder.PiEmail);
        using var _ = client;
        await SendAsync(client, url, "/new", Transfer("改名前技轉", licensee: "非會員公司"));
        var saved = (await SavedAsync("改名前技轉"))!;
        var version = ValueOf(await client.GetPageAsync($"{url}/{saved.Id}/edit"), "Version");

        var (edited, _) = await SendAsync(client, url, $"/{saved.Id}/edit", Transfer("改名後技轉", licensee: "非會員公司").With("Version", version));
        var deleted = await client.PostFormAsync($"{url}/{saved.Id}/delete", new { }, url);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.TechTransfers.AnyAsync(e => e.Id == saved.Id)));
    }

    [Fact]
    public async Task ClosedPeriodsAndOtherProjectsAreRefused()
    {
        var (url, assistant, people, periodId) = await StartAsync();
        using var _ = assistant;
        var secondUrl = $"{Base(people.DemoProjectId, await PeriodAsync(factory, ReportingPeriodKind.SecondReport))}/tech-transfers";
        var foreign = await factory.WithDbAsync(async db =>
        {
            var e = new TechTransfer { ProjectId = people.OtherProjectId, ReportingPeriodId = periodId, Name = "他案技轉", CounterpartyName = "某公司", Amount = 1, SignedOn = new DateOnly(2021, 3, 1) };
            db.TechTransfers.Add(e);
            await db.SaveChangesAsync();
            return e;
        });
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);

        var (_, list) = await SendAsync(assistant, secondUrl, "/new", Transfer("未開放技轉", licensee: "某公司"));

        Assert.Equal("本綜整表 2021/11/01 起開放填報。", list.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Null(await SavedAsync("未開放技轉"));
        Assert.Equal(HttpStatusCode.Forbidden, (await otherPi.GetAsync(url)).StatusCode);
        var delete = await assistant.PostFormAsync($"{url}/{foreign.Id}/delete", new { }, url);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.NotNull(await SavedAsync("他案技轉"));
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        Assert.NotNull((await office.GetPageAsync(url)).QuerySelector("[data-testid=progress-tabs]"));
    }
}
