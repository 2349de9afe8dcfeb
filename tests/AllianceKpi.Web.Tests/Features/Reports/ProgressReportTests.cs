using System.Net;
using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;
using static AllianceKpi.Web.Tests.Features.Progress.ProgressTestData;

namespace AllianceKpi.Web.Tests.Features.Reports;

/// <summary>
/// 季成果報表 and 累計成果報表: entries arranged in the database, the workbook downloaded as the assistant and read back with the
/// Open XML SDK, compared with what the rules engine says of the same entries.
/// </summary>
public sealed class ProgressReportTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private static readonly string[] KindSheets =
        ["招募聯盟會員", "聯盟營運收入", "衍生產學合作計畫", "衍生技轉", "技術服務", "聯盟推廣活動", "對聯盟會員之服務", "協助聯盟會員衍生成果"];

    private static string ReportUrl(int projectId, int periodId) => $"{Base(projectId, periodId)}/report.xlsx";

    private static string CumulativeUrl(int projectId, int periodId) => $"{Base(projectId, periodId)}/cumulative.xlsx";

    private async Task<T> AddAsync<T>(T entry) where T : ProgressEntry => await factory.WithDbAsync(async db =>
    {
        db.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    });

    private async Task<byte[]> DownloadAsync(string url, string email = DemoSeeder.AssistantEmail)
    {
        using var client = await factory.SignedInAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>What the 工作進度 pages stand on for this project and period: the entries and the engine's period report.</summary>
    private async Task<ProgressContext> ContextAsync(int projectId, int periodId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<ProgressContextHandler>();
        return (await handler.LoadAsync(new ClaimsPrincipal(new ClaimsIdentity()), projectId, periodId, CancellationToken.None))!;
    }

    private static OperatingIncome Income(int projectId, int periodId, int memberId, decimal fee) => new()
    {
        ProjectId = projectId,
        ReportingPeriodId = periodId,
        MemberId = memberId,
        MembershipFee = fee,
        AccountingDate = new DateOnly(2021, 4, 15),
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    [Fact]
    public async Task TheQuarterReportHasTheSummaryThenOneSheetPerKindWithTheListsHeaders()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);

        using var workbook = new Workbooks(await DownloadAsync(ReportUrl(people.DemoProjectId, periodId)));

        Assert.Equal(["KPI 摘要", .. KindSheets], workbook.SheetNames);
        Assert.Equal(["季類別", "會員名稱", "負責人", "類型", "會員資格", "產業類型", "區域", "企業規模", "企業員工數", "契約起始日", "契約截止日", "KPI 列計", "不列計原因"],
            workbook.Header("招募聯盟會員"));
        Assert.Equal(["季類別", "付款單位", "會員費收入", "技術服務收入", "其它收入", "其它收入性質", "會計核定日期", "KPI 列計", "不列計原因"],
            workbook.Header("聯盟營運收入"));
        Assert.Equal(["季類別", "活動名稱", "活動日期", "活動地點", "參與人數", "KPI 列計", "不列計原因"], workbook.Header("聯盟推廣活動"));
        Assert.Equal(["項目", "指標", "數值", "單位", "備註"], workbook.Header("KPI 摘要"));
    }

    [Fact]
    public async Task DatesAreRealDatesAndAmountsAreNumbersWithThreeDecimals()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        var member = await AddAsync(Member(people.DemoProjectId, periodId, "日期金額股份有限公司", new DateOnly(2021, 12, 31)));
        await AddAsync(Income(people.DemoProjectId, periodId, member.Id, 12.345m));

        using var workbook = new Workbooks(await DownloadAsync(ReportUrl(people.DemoProjectId, periodId)));

        var end = workbook.RowWith("招募聯盟會員", "日期金額股份有限公司")["契約截止日"];
        Assert.True(Workbooks.IsNumber(end));
        Assert.Equal(new DateTime(2021, 12, 31).ToOADate(), Workbooks.Number(end));
        Assert.Equal("yyyy/mm/dd", workbook.FormatCode(end));
        var fee = workbook.RowWith("聯盟營運收入", "日期金額股份有限公司")["會員費收入"];
        Assert.True(Workbooks.IsNumber(fee));
        Assert.Equal(12.345, Workbooks.Number(fee));
        Assert.Equal("0.000", workbook.FormatCode(fee));
    }

    [Fact]
    public async Task EveryRowCarriesItsPeriodAndTheEnginesVerdictWithItsReasons()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        var expired = await AddAsync(Member(people.DemoProjectId, periodId, "九月到期報表有限公司", new DateOnly(2021, 9, 30)));
        var valid = await AddAsync(Member(people.DemoProjectId, periodId, "有效報表有限公司", new DateOnly(2022, 3, 31)));

        using var workbook = new Workbooks(await DownloadAsync(ReportUrl(people.DemoProjectId, periodId)));
        var context = await ContextAsync(people.DemoProjectId, periodId);

        var engineSays = context.Report.Find(EntryKind.Member, expired.Id)!;
        Assert.False(engineSays.Counted);
        var row = workbook.RowWith("招募聯盟會員", "九月到期報表有限公司");
        Assert.Equal("不列計", Workbooks.Text(row["KPI 列計"]));
        Assert.Equal(string.Join("；", engineSays.Reasons), Workbooks.Text(row["不列計原因"]));
        Assert.Contains("2021/10/31", Workbooks.Text(row["不列計原因"]));
        Assert.Equal(ProgressContext.ShortName(context.Period.Name), Workbooks.Text(row["季類別"]));
        Assert.True(context.Report.Find(EntryKind.Member, valid.Id)!.Counted);
        var counted = workbook.RowWith("招募聯盟會員", "有效報表有限公司");
        Assert.Equal("列計", Workbooks.Text(counted["KPI 列計"]));
        Assert.False(counted.ContainsKey("不列計原因"));
    }

    [Fact]
    public async Task TheSummarySheetShowsTheEnginesFigures()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        await AddAsync(Member(people.DemoProjectId, periodId, "摘要計數有限公司", new DateOnly(2022, 3, 31)));

        using var workbook = new Workbooks(await DownloadAsync(ReportUrl(people.DemoProjectId, periodId)));
        var figures = (await ContextAsync(people.DemoProjectId, periodId)).Report.Figures;

        var companies = workbook.RowWith("KPI 摘要", "聯盟廠商會員家數")["數值"];
        Assert.True(figures.Members.CompanyMembers >= 1);
        Assert.Equal(figures.Members.CompanyMembers, Workbooks.Number(companies));
        var total = workbook.RowWith("KPI 摘要", "總收入")["數值"];
        Assert.Equal((double)figures.Income.Total, Workbooks.Number(total));
        Assert.Equal("0.000", workbook.FormatCode(total));
        Assert.Equal(KpiMeasures.All.Count + 1, workbook.Rows("KPI 摘要").Count);
    }

    [Fact]
    public async Task TheCumulativeReportHasAnEarlierPeriodsEntryThatTheQuarterReportHasNot()
    {
        var people = await Personas.EnsureAsync(factory);
        var first = await PeriodIdAsync(factory);
        var second = await PeriodIdAsync(factory, ReportingPeriodKind.SecondReport);
        await AddAsync(Activity(people.DemoProjectId, first, "第一次的累計說明會"));
        await AddAsync(Activity(people.DemoProjectId, second, "第二次的季說明會"));

        using var quarter = new Workbooks(await DownloadAsync(ReportUrl(people.DemoProjectId, second)));
        using var cumulative = new Workbooks(await DownloadAsync(CumulativeUrl(people.DemoProjectId, second)));

        Assert.True(quarter.HasRowWith("聯盟推廣活動", "第二次的季說明會"));
        Assert.False(quarter.HasRowWith("聯盟推廣活動", "第一次的累計說明會"));
        Assert.True(cumulative.HasRowWith("聯盟推廣活動", "第二次的季說明會"));
        var earlier = cumulative.RowWith("聯盟推廣活動", "第一次的累計說明會");
        var context = await ContextAsync(people.DemoProjectId, second);
        Assert.Equal(context.PeriodLabel(first), Workbooks.Text(earlier["季類別"]));
        var engine = KpiEngine.Evaluate(KpiInput.CumulativeThrough(context.Year, context.Year.Periods, context.Period, context.Entries));
        Assert.Equal(engine.Figures.Promotion.Events, Workbooks.Number(cumulative.RowWith("KPI 摘要", "聯盟推廣活動")["數值"]));
        Assert.Equal(context.Report.Figures.Promotion.Events, Workbooks.Number(quarter.RowWith("KPI 摘要", "聯盟推廣活動")["數值"]));
    }

    [Theory]
    [InlineData("report.xlsx", "季成果報表")]
    [InlineData("cumulative.xlsx", "累計成果報表")]
    public async Task TheWorkbookDownloadsUnderTheProjectsNumberThePeriodAndTheReportsName(string file, string reportName)
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        var context = await ContextAsync(people.DemoProjectId, periodId);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var response = await client.GetAsync($"{Base(people.DemoProjectId, periodId)}/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var disposition = ContentDispositionHeaderValue.Parse(response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal($"2021ETPC_test_{ProgressContext.ShortName(context.Period.Name)}_{reportName}.xlsx", disposition.FileNameStar.Value);
        Assert.StartsWith("2021ETPC_test_2021", disposition.FileNameStar.Value);
        Assert.EndsWith($"_{reportName}.xlsx", disposition.FileNameStar.Value);
    }

    [Theory]
    [InlineData("report.xlsx")]
    [InlineData("cumulative.xlsx")]
    public async Task AnotherProjectsAssistantIsRefused(string file)
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        using var client = await factory.SignedInAsync(Personas.OtherAssistantEmail);

        var response = await client.GetAsync($"{Base(people.DemoProjectId, periodId)}/{file}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task BothWorkbooksAreValidOpenXmlWithAFrozenFilteredHeader()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        var member = await AddAsync(Member(people.DemoProjectId, periodId, "驗證用股份有限公司"));
        await AddAsync(Income(people.DemoProjectId, periodId, member.Id, 1.5m));
        await AddAsync(Activity(people.DemoProjectId, periodId, "驗證用說明會"));

        foreach (var url in new[] { ReportUrl(people.DemoProjectId, periodId), CumulativeUrl(people.DemoProjectId, periodId) })
        {
            using var workbook = new Workbooks(await DownloadAsync(url));

            Assert.Empty(workbook.ValidationErrors());
            var sheet = workbook.Worksheet("招募聯盟會員");
            var pane = sheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            var rows = workbook.Rows("招募聯盟會員").Count;
            Assert.Equal($"A1:M{rows}", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
            Assert.All(sheet.GetFirstChild<Columns>()!.Elements<Column>(), c => Assert.True(c.Width!.Value >= 8));
        }
    }

    [Fact]
    public async Task TheProgressListRowAndTheOverviewLinkToBothReports()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var expected = new[] { ReportUrl(people.DemoProjectId, periodId), CumulativeUrl(people.DemoProjectId, periodId) };

        var list = await client.GetPageAsync($"/progress?periodId={periodId}");
        var overview = await client.GetPageAsync(Base(people.DemoProjectId, periodId));

        var row = list.QuerySelector("[data-project='2021ETPC_test']")!;
        Assert.Equal(expected, row.QuerySelectorAll("[data-testid$=-report]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["季成果報表", "累計成果報表"], row.QuerySelectorAll("[data-testid$=-report]").Select(a => a.TextContent.Trim()));
        Assert.Equal(expected, overview.QuerySelectorAll("[data-testid=reports] a").Select(a => a.GetAttribute("href")));
    }
}
