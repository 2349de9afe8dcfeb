using System.Net;
using System.Text.Json;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Data;
using AngleSharp.Html.Dom;

namespace AllianceKpi.Web.Tests.Features.Office.Cockpit;

/// <summary>管考儀表板 on 2021/11/05: the first report's deadline has passed, the second report is open.</summary>
public sealed class CockpitTests(CockpitClockFactory factory) : IClassFixture<CockpitClockFactory>
{
    private const string Url = "/office/cockpit?year=2021";

    private static string Cell(IHtmlDocument page, string number, int periodId) =>
        page.QuerySelector($"[data-testid=heatmap] tr[data-project='{number}'] td[data-period='{periodId}']")!.TextContent.Trim();

    private static string StateOf(IHtmlDocument page, string number, int periodId) =>
        page.QuerySelector($"[data-testid=heatmap] tr[data-project='{number}'] td[data-period='{periodId}']")!.GetAttribute("data-state")!;

    [Fact]
    public async Task TheHeatMapShowsEveryProjectsStateInWordsAndFlagsOverdueRespectingExtensions()
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        var submitted = await CockpitTestData.ProjectAsync(factory);
        var draft = await CockpitTestData.ProjectAsync(factory);
        var extended = await CockpitTestData.ProjectAsync(factory);
        var returned = await CockpitTestData.ProjectAsync(factory);
        await CockpitTestData.TargetsAsync(factory, submitted.Id, FormState.Accepted);
        await CockpitTestData.TargetsAsync(factory, draft.Id, FormState.Draft);
        await CockpitTestData.FormAsync(factory, submitted.Id, periods.First, FormState.Submitted);
        await CockpitTestData.FormAsync(factory, draft.Id, periods.First, FormState.Draft);
        await CockpitTestData.FormAsync(factory, extended.Id, periods.First, FormState.Draft, new DateOnly(2021, 11, 10));
        await CockpitTestData.FormAsync(factory, returned.Id, periods.Second, FormState.Returned);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var page = await office.GetPageAsync(Url);

        Assert.Equal("已確認", Cell(page, submitted.Number, periods.Expected));
        Assert.Equal("逾期", Cell(page, draft.Number, periods.Expected));
        Assert.Equal("已送出", Cell(page, submitted.Number, periods.First));
        Assert.Equal("逾期", Cell(page, draft.Number, periods.First));
        Assert.Equal(nameof(Completion.Overdue), StateOf(page, draft.Number, periods.First));
        Assert.Contains("completion-overdue", page.QuerySelector($"tr[data-project='{draft.Number}'] td[data-period='{periods.First}']")!.ClassName);
        Assert.StartsWith("草稿", Cell(page, extended.Number, periods.First));
        Assert.Contains("展延至 2021/11/10", Cell(page, extended.Number, periods.First));
        Assert.Equal("逾期", Cell(page, DemoSeeder.ProjectNumber, periods.First));
        Assert.Equal("未填寫", Cell(page, submitted.Number, periods.Second));
        Assert.Equal("退回修改", Cell(page, returned.Number, periods.Second));
        Assert.Equal($"/office/review/evaluation/{draft.Id}/{periods.First}",
            page.QuerySelector($"tr[data-project='{draft.Number}'] td[data-period='{periods.First}'] a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector($"tr[data-project='{DemoSeeder.ProjectNumber}'] td[data-period='{periods.First}'] a"));
        var days = new DateOnly(2022, 1, 31).DayNumber - CockpitClockFactory.Today.DayNumber;
        Assert.Contains($"2022/01/31（還有 {days} 天）", page.QuerySelector("[data-testid=next-deadline]")!.TextContent);
        Assert.Contains("已繳交 1／", page.QuerySelector($"[data-testid=heat-total][data-period='{periods.First}']")!.TextContent);
        Assert.Equal($"/office/exports/kpi.xlsx?periodId={periods.Second}", page.QuerySelector("[data-testid=kpi-export]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnomaliesNameTheProjectsAndLinkToTheEntries()
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        var first = await CockpitTestData.ProjectAsync(factory, "AN");
        var second = await CockpitTestData.ProjectAsync(factory, "AN");
        var quiet = await CockpitTestData.ProjectAsync(factory, "AN");
        var taxId = "22099131";
        var shared1 = ProgressEntryTestData.Member(first.Id, periods.Second);
        var shared2 = ProgressEntryTestData.Member(second.Id, periods.Second);
        (shared1.TaxId, shared2.TaxId, shared2.CompanyName) = (taxId, taxId, "台精機械（南科廠）");
        var ending = ProgressEntryTestData.Member(first.Id, periods.Second);
        (ending.CompanyName, ending.TaxId, ending.ContractEnd) = ("月底到期股份有限公司", null, new DateOnly(2021, 10, 24));
        var notEnding = ProgressEntryTestData.Member(second.Id, periods.Second);
        (notEnding.CompanyName, notEnding.TaxId, notEnding.ContractEnd) = ("八天前到期股份有限公司", null, new DateOnly(2021, 10, 23));
        await CockpitTestData.AddAsync(factory, shared1, shared2, ending, notEnding);
        var lastDay = ProgressEntryTestData.Income(first.Id, periods.Second, shared1.Id);
        lastDay.AccountingDate = new DateOnly(2022, 1, 31);
        await CockpitTestData.AddAsync(factory, lastDay);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var page = await office.GetPageAsync(Url);

        var rows = page.QuerySelectorAll("[data-testid=anomalies] tbody tr").ToList();
        var sharedRow = Assert.Single(rows, r => r.TextContent.Contains($"統一編號 {taxId}"));
        Assert.Contains("同一公司為多個聯盟會員", sharedRow.TextContent);
        Assert.Equal(
            [$"/projects/{first.Id}/progress/{periods.Second}/members/{shared1.Id}/edit", $"/projects/{second.Id}/progress/{periods.Second}/members/{shared2.Id}/edit"],
            sharedRow.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains($"{first.Number}（招募聯盟會員）", sharedRow.TextContent);
        var endingRow = Assert.Single(rows, r => r.TextContent.Contains("月底到期股份有限公司"));
        Assert.Contains("前 7 天", endingRow.TextContent);
        Assert.DoesNotContain(rows, r => r.TextContent.Contains("八天前到期"));
        var incomeRow = Assert.Single(rows, r => r.TextContent.Contains("收入日期為認列期間最後一天") && r.TextContent.Contains(first.Number));
        Assert.Equal($"/projects/{first.Id}/progress/{periods.Second}/income/{lastDay.Id}/edit", incomeRow.QuerySelector("a")!.GetAttribute("href"));
        var emptyRow = Assert.Single(rows, r => r.TextContent.Contains("開放期間尚無工作進度") && r.TextContent.Contains(quiet.Number));
        Assert.Equal($"/projects/{quiet.Id}/progress/{periods.Second}", emptyRow.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains("開放期間尚無工作進度") && r.TextContent.Contains(first.Number));
    }

    [Fact]
    public async Task TheChartsCarryEveryAlliancesKpiAsJsonWithTheSameNumbersInATable()
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        var project = await CockpitTestData.ProjectAsync(factory, "CH");
        await CockpitTestData.FillAsync(factory, project.Id, periods);
        await CockpitTestData.TargetsAsync(factory, project.Id);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var page = await office.GetPageAsync($"{Url}&periodId={periods.First}");

        using var json = JsonDocument.Parse(page.GetElementById("cockpit-charts")!.TextContent);
        Assert.Equal("application/json", page.GetElementById("cockpit-charts")!.GetAttribute("type"));
        var members = json.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "companymembers");
        var index = members.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList().IndexOf(project.Alliance!.AllianceName);
        Assert.True(index >= 0);
        Assert.Equal(1m, members.GetProperty("datasets")[0].GetProperty("data")[index].GetDecimal());
        Assert.Equal(4m, members.GetProperty("datasets")[1].GetProperty("data")[index].GetDecimal());
        var tableRow = page.QuerySelectorAll("[data-testid=chart-table-companymembers] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == project.Alliance.AllianceName);
        Assert.Equal(["1", "4", "25.0%"], tableRow.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.NotNull(page.QuerySelector("canvas[data-chart='overall']"));
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chart.js/chart.umd.min.js']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/cockpit.js']"));
    }

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task APiOrAnAssistantIsRefused(string email)
    {
        using var client = await factory.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url)).StatusCode);
    }

    [Fact]
    public async Task TheOfficeMenuLinksToTheCockpit()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var home = await office.GetPageAsync("/office");

        Assert.NotNull(home.QuerySelector("nav a[href='/office/cockpit']"));
    }
}
