using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>聯盟營運收入: add with a payer and a voucher, the verdict of the 會計核定日期, bad amounts, closed periods, other projects.</summary>
public sealed class IncomePageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    internal static Dictionary<string, string> Income(string payer, string date = "2021/05/01") => new()
    {
        ["Form.MembershipFee"] = "10",
        ["Form.TechnicalServiceFee"] = "",
        ["Form.OtherIncome"] = "",
        ["Form.OtherIncomeNature"] = "Ordinary",
        ["Form.MemberId"] = "",
        ["Form.CounterpartyName"] = payer,
        ["Form.AccountingDate"] = date,
    };

    private async Task<(string Url, PortalClient Client, Personas People, int PeriodId)> StartAsync(string email = DemoSeeder.AssistantEmail)
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        return ($"{Base(people.DemoProjectId, periodId)}/income", await factory.SignedInAsync(email), people, periodId);
    }

    private async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(PortalClient client, string url,
        Dictionary<string, string> fields, (string, byte[])? file = null)
    {
        var response = await MemberTestData.PostAsync(client, url, fields, url[..(url.IndexOf("/income", StringComparison.Ordinal) + "/income".Length)], file);
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetPageAsync(response.Headers.Location!.OriginalString)
            : PortalClient.Parse(await response.Content.ReadAsStringAsync());
        return (response, page);
    }

    private Task<OperatingIncome?> SavedAsync(string payer) =>
        factory.WithDbAsync(db => db.OperatingIncomes.AsNoTracking().FirstOrDefaultAsync(e => e.CounterpartyName == payer));

    [Fact]
    public async Task AnIncomeFromAMemberWithAVoucherIsListedAsCountedAndDownloads()
    {
        var (url, client, people, periodId) = await StartAsync();
        using var _ = client;
        await AddAsync(client, people.DemoProjectId, periodId, Company("繳費會員公司"));
        var memberId = await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == "繳費會員公司").Select(m => m.Id).SingleAsync());
        var form = await client.GetPageAsync($"{url}/new");
        Assert.NotNull(form.QuerySelector($"select[name='Form.MemberId'] option[value='{memberId}']"));
        Assert.Equal("日期限定在 2021/02/01~2022/01/31 才有效", form.QuerySelector("[data-testid=window-hint]")!.TextContent);

        var (response, list) = await PostAsync(client, $"{url}/new", Income("").With("MemberId", memberId.ToString()).With("MembershipFee", "12.5"), ("收據.pdf", ProgressTestData.Pdf()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("已儲存：列計", list.QuerySelector("[data-testid=flash]")!.TextContent);
        var saved = await factory.WithDbAsync(db => db.OperatingIncomes.AsNoTracking().SingleAsync(e => e.MemberId == memberId));
        Assert.Equal(12.5m, saved.MembershipFee);
        var row = list.QuerySelector($"[data-testid=income-{saved.Id}]")!;
        Assert.Contains("繳費會員公司", row.TextContent);
        var download = await client.GetAsync(row.QuerySelector("[data-testid=download]")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task AnAccountingDateOutsideTheWindowIsNotCountedAndEditingItIntoTheWindowIs()
    {
        var (url, client, _, _) = await StartAsync(DemoSeeder.PiEmail);
        using var __ = client;

        var (_, list) = await PostAsync(client, $"{url}/new", Income("早收公司", "2021/01/15"));

        var flash = list.QuerySelector("[data-testid=flash]")!.TextContent;
        Assert.StartsWith("已儲存：不列計——", flash);
        Assert.Contains("2021/01/15", flash);
        var saved = (await SavedAsync("早收公司"))!;
        var editUrl = $"{url}/{saved.Id}/edit";
        var version = ValueOf(await client.GetPageAsync(editUrl), "Version");
        var (edited, after) = await PostAsync(client, editUrl, Income("早收公司", "2021/02/15").With("Version", version));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("已儲存：列計", after.QuerySelector("[data-testid=flash]")!.TextContent);
    }

    [Theory]
    [InlineData("1.2345", "金額須為不小於 0 的數字，小數最多 3 位")]
    [InlineData("-1", "金額須為不小於 0 的數字，小數最多 3 位")]
    [InlineData("0", "會員費收入、技術服務收入、其它收入至少一項須大於 0")]
    [InlineData("12345678901234567890", "金額過大，請確認單位為仟元")]
    public async Task BadAmountsComeBackAsTypedAndNothingIsSaved(string amount, string message)
    {
        var (url, client, _, _) = await StartAsync();
        using var _ = client;
        var payer = "金額錯誤" + amount;

        var (response, page) = await PostAsync(client, $"{url}/new", Income(payer).With("MembershipFee", amount).With("AccountingDate", "2021/5/x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, ErrorFor(page, "MembershipFee"));
        Assert.Equal(amount, ValueOf(page, "MembershipFee"));
        Assert.Equal("日期格式應為 2021/10/31", ErrorFor(page, "AccountingDate"));
        Assert.Equal("2021/5/x", ValueOf(page, "AccountingDate"));
        Assert.Equal(payer, ValueOf(page, "CounterpartyName"));
        Assert.Null(await SavedAsync(payer));
    }

    [Fact]
    public async Task APayerIsRequiredAndAnotherProjectsMemberIsNotAChoice()
    {
        var (url, client, people, periodId) = await StartAsync();
        using var _ = client;
        var foreign = await factory.WithDbAsync(async db =>
        {
            var m = Member(people.OtherProjectId, periodId, "他案付款會員");
            db.AllianceMembers.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

        var (_, none) = await PostAsync(client, $"{url}/new", Income(""));
        var (_, tampered) = await PostAsync(client, $"{url}/new", Income("").With("MemberId", foreign.ToString()));

        Assert.Equal("請選擇付款的聯盟會員，或輸入非會員的名稱", ErrorFor(none, "MemberId"));
        Assert.Equal("請選擇付款的聯盟會員，或輸入非會員的名稱", ErrorFor(tampered, "MemberId"));
        Assert.False(await factory.WithDbAsync(db => db.OperatingIncomes.AnyAsync(e => e.MemberId == foreign)));
    }

    [Fact]
    public async Task DeletingAnIncomeRemovesIt()
    {
        var (url, client, _, _) = await StartAsync();
        using var _ = client;
        await PostAsync(client, $"{url}/new", Income("待刪收入公司"));
        var saved = (await SavedAsync("待刪收入公司"))!;

        var response = await client.PostFormAsync($"{url}/{saved.Id}/delete", new { }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await SavedAsync("待刪收入公司"));
    }

    [Fact]
    public async Task APeriodNotYetOpenRefusesNewIncome()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = $"{Base(people.DemoProjectId, await PeriodAsync(factory, ReportingPeriodKind.SecondReport))}/income";
        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var (response, list) = await PostAsync(client, $"{url}/new", Income("未開放收入公司"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("本綜整表 2021/11/01 起開放填報。", list.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Null(await SavedAsync("未開放收入公司"));
    }

    [Fact]
    public async Task OtherProjectsAreRefusedOrNotFound()
    {
        var (url, assistant, people, periodId) = await StartAsync();
        using var _ = assistant;
        var foreign = await factory.WithDbAsync(async db =>
        {
            var e = new OperatingIncome { ProjectId = people.OtherProjectId, ReportingPeriodId = periodId, MembershipFee = 5, CounterpartyName = "他案收入", AccountingDate = new DateOnly(2021, 5, 1) };
            db.OperatingIncomes.Add(e);
            await db.SaveChangesAsync();
            return e;
        });
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await otherPi.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assistant.GetAsync($"{url}/{foreign.Id}/edit")).StatusCode);
        var delete = await assistant.PostFormAsync($"{url}/{foreign.Id}/delete", new { }, url);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.NotNull(await SavedAsync("他案收入"));
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        Assert.NotNull((await office.GetPageAsync(url)).QuerySelector("[data-testid=progress-tabs]"));
    }
}
