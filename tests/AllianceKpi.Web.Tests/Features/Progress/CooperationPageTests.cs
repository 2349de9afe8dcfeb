using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>衍生產學合作計畫: with a member company, the start window, the budget basis, bad input, closed periods, other projects.</summary>
public sealed class CooperationPageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    internal static Dictionary<string, string> Cooperation(string name, string memberId = "", string partner = "") => new()
    {
        ["Form.Name"] = name,
        ["Form.MemberId"] = memberId,
        ["Form.CounterpartyName"] = partner,
        ["Form.Budget"] = "500",
        ["Form.BudgetBasis"] = "Total",
        ["Form.Source"] = "科技部",
        ["Form.StartDate"] = "2021/03/01",
        ["Form.EndDate"] = "2022/02/28",
        ["Form.SignedByPrincipalInvestigator"] = "true",
    };

    private async Task<(string Url, PortalClient Client, Personas People, int PeriodId)> StartAsync(string email = DemoSeeder.AssistantEmail)
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        return ($"{Base(people.DemoProjectId, periodId)}/cooperation", await factory.SignedInAsync(email), people, periodId);
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

    private Task<CooperationProject?> SavedAsync(string name) =>
        factory.WithDbAsync(db => db.CooperationProjects.AsNoTracking().FirstOrDefaultAsync(e => e.Name == name));

    private async Task<int> MemberIdAsync(PortalClient client, Personas people, int periodId, string name)
    {
        await AddAsync(client, people.DemoProjectId, periodId, Company(name));
        return await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == name).Select(m => m.Id).SingleAsync());
    }

    [Fact]
    public async Task AProjectWithAMemberCompanyIsCountedAndItsContractDownloads()
    {
        var (url, client, people, periodId) = await StartAsync();
        using var _ = client;
        var memberId = await MemberIdAsync(client, people, periodId, "合作會員公司");
        var form = await client.GetPageAsync($"{url}/new");
        Assert.Equal("起始日期限定在 2021/01/01~2022/01/31 才有效", form.QuerySelector("[data-testid=window-hint]")!.TextContent);

        var (response, list) = await SendAsync(client, url, "/new", Cooperation("智慧製造合作案", memberId.ToString()), ("合約書.pdf", ProgressTestData.Pdf()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已儲存：列計", list.QuerySelector("[data-testid=flash]")!.TextContent);
        var saved = (await SavedAsync("智慧製造合作案"))!;
        var row = list.QuerySelector($"[data-testid=cooperation-{saved.Id}]")!;
        Assert.Contains("合作會員公司", row.TextContent);
        Assert.Contains("計畫總經費", row.TextContent);
        var download = await client.GetAsync(row.QuerySelector("[data-testid=download]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task AProjectWithATypedNonMemberIsSavedButNotCountedAndSaysWhy()
    {
        var (url, client, _, _) = await StartAsync();
        using var _ = client;

        var (response, list) = await SendAsync(client, url, "/new", Cooperation("非會員合作案", partner: "辛精密有限公司"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        const string reason = "「辛精密有限公司」非聯盟會員：產學合作計畫對象限為廠商會員，不列入衍生產學合作計畫";
        Assert.Equal($"已儲存：不列計——{reason}", list.QuerySelector("[data-testid=flash]")!.TextContent);
        var saved = (await SavedAsync("非會員合作案"))!;
        Assert.Null(saved.MemberId);
        var row = list.QuerySelector($"[data-testid=cooperation-{saved.Id}]")!;
        Assert.Contains("辛精密有限公司（非會員）", row.TextContent);
        var badge = row.QuerySelector("[data-testid=verdict] .badge")!;
        Assert.Equal("不列計", badge.TextContent);
        Assert.Equal(reason, badge.GetAttribute("title"));
        Assert.Contains(reason, row.QuerySelector("[data-testid=verdict]")!.TextContent);
    }

    [Fact]
    public async Task AStartBeforeTheWindowIsNotCountedAndEditingItIntoTheWindowIs()
    {
        var (url, client, people, periodId) = await StartAsync(DemoSeeder.PiEmail);
        using var _ = client;
        var memberId = await MemberIdAsync(client, people, periodId, "早開始會員公司");

        var (_, list) = await SendAsync(client, url, "/new", Cooperation("去年開始的合作", memberId.ToString()).With("StartDate", "2020/12/01"));

        var flash = list.QuerySelector("[data-testid=flash]")!.TextContent;
        Assert.StartsWith("已儲存：不列計——", flash);
        Assert.Contains("2020/12/01", flash);
        var saved = (await SavedAsync("去年開始的合作"))!;
        var editUrl = $"/{saved.Id}/edit";
        var version = ValueOf(await client.GetPageAsync(url + editUrl), "Version");
        var (_, after) = await SendAsync(client, url, editUrl, Cooperation("去年開始的合作", memberId.ToString()).With("Version", version));
        Assert.Equal("已儲存：列計", after.QuerySelector("[data-testid=flash]")!.TextContent);
    }

    [Fact]
    public async Task ThisYearsReceiptsWithoutTheReceiptAreNotCounted()
    {
        var (url, client, people, periodId) = await StartAsync();
        using var _ = client;
        var memberId = await MemberIdAsync(client, people, periodId, "進帳會員公司");

        var (_, list) = await SendAsync(client, url, "/new", Cooperation("進帳未附領據", memberId.ToString()).With("BudgetBasis", "ReceivedThisYear"));

        Assert.StartsWith("已儲存：不列計——", list.QuerySelector("[data-testid=flash]")!.TextContent);
        Assert.Contains("領據", list.QuerySelector("[data-testid=flash]")!.TextContent);
    }

    [Fact]
    public async Task BadInputComesBackAsTypedAndNothingIsSaved()
    {
        var (url, client, _, _) = await StartAsync();
        using var _ = client;
        var fields = Cooperation("錯誤合作案").With("Budget", "1.0005").With("StartDate", "2021/06/01").With("EndDate", "2021/05/31").With("Source", "");

        var (response, page) = await SendAsync(client, url, "/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("金額須為不小於 0 的數字，小數最多 3 位", ErrorFor(page, "Budget"));
        Assert.Equal("1.0005", ValueOf(page, "Budget"));
        Assert.Equal("計畫執行截止日期 2021/05/31 不可早於起始日期 2021/06/01", ErrorFor(page, "EndDate"));
        Assert.Equal("請輸入計畫來源", ErrorFor(page, "Source"));
        Assert.Equal("請選擇合作的聯盟會員，或輸入合作廠商名稱", ErrorFor(page, "MemberId"));
        Assert.Equal("錯誤合作案", ValueOf(page, "Name"));
        Assert.Null(await SavedAsync("錯誤合作案"));
    }

    [Fact]
    public async Task ClosedPeriodsAndOtherProjectsAreRefused()
    {
        var (url, assistant, people, periodId) = await StartAsync();
        using var _ = assistant;
        var secondUrl = $"{Base(people.DemoProjectId, await PeriodAsync(factory, ReportingPeriodKind.SecondReport))}/cooperation";
        var foreign = await factory.WithDbAsync(async db =>
        {
            var e = new CooperationProject { ProjectId = people.OtherProjectId, ReportingPeriodId = periodId, Name = "他案合作", CounterpartyName = "某公司", Budget = 1, Source = "科技部", StartDate = new DateOnly(2021, 3, 1), EndDate = new DateOnly(2021, 12, 31) };
            db.CooperationProjects.Add(e);
            await db.SaveChangesAsync();
            return e;
        });
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);

        var (closed, list) = await SendAsync(assistant, secondUrl, "/new", Cooperation("未開放合作案", partner: "某公司"));

        Assert.Equal("本綜整表 2021/11/01 起開放填報。", list.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Null(await SavedAsync("未開放合作案"));
        Assert.Equal(HttpStatusCode.Forbidden, (await otherPi.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assistant.GetAsync($"{url}/{foreign.Id}/edit")).StatusCode);
        var (tampered, _) = await SendAsync(assistant, url, $"/{foreign.Id}/edit", Cooperation("竄改合作", partner: "x").With("Version", foreign.Version.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.NotNull(await SavedAsync("他案合作"));
    }

    [Fact]
    public async Task DeletingAProjectRemovesIt()
    {
        var (url, client, _, _) = await StartAsync();
        using var _ = client;
        await SendAsync(client, url, "/new", Cooperation("待刪合作案", partner: "非會員公司"));
        var saved = (await SavedAsync("待刪合作案"))!;

        var response = await client.PostFormAsync($"{url}/{saved.Id}/delete", new { }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await SavedAsync("待刪合作案"));
    }
}
