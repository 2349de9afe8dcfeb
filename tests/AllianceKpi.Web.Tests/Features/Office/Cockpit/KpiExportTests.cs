using System.Diagnostics;
using System.Net;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Reports;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Office.Exports;
using AllianceKpi.Web.Features.Office.PeriodKpi;
using AllianceKpi.Web.Tests.Features.Reports;
using AllianceKpi.Web.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceKpi.Web.Tests.Features.Office.Cockpit;

/// <summary>全計畫 KPI 總表: one row per project, cells read back and checked against the engine's batch.</summary>
public sealed class KpiExportTests(CockpitClockFactory factory, ITestOutputHelper output) : IClassFixture<CockpitClockFactory>
{
    private static string Url(int periodId) => $"/office/exports/kpi.xlsx?periodId={periodId}";

    private async Task<PeriodKpiSet> BatchAsync(int periodId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PeriodKpiHandler>().LoadAsync(periodId, CancellationToken.None))!;
    }

    [Fact]
    public async Task TheWorkbookHasOneRowPerProjectWithTheEnginesFiguresTargetsAndRates()
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        var project = await CockpitTestData.ProjectAsync(factory, "XL");
        await CockpitTestData.FillAsync(factory, project.Id, periods, scale: 2);
        await CockpitTestData.TargetsAsync(factory, project.Id);
        await CockpitTestData.FormAsync(factory, project.Id, periods.First, FormState.Accepted);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        (await office.GetAsync(Url(periods.First))).Dispose();
        var started = Stopwatch.GetTimestamp();
        var response = await office.GetAsync(Url(periods.First));
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2021第一次(3)_全計畫KPI總表.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var workbook = new Workbooks(await response.Content.ReadAsByteArrayAsync());
        var batch = await BatchAsync(periods.First);
        output.WriteLine($"KPI workbook of {batch.Projects.Count} projects: {elapsed.TotalMilliseconds:0} ms (HTTP, second request)");
        Assert.Empty(workbook.ValidationErrors());
        var header = workbook.Header(KpiWorkbookBuilder.SheetName);
        Assert.Equal(KpiWorkbookBuilder.FixedHeaders, header.Take(5));
        Assert.Equal(5 + 4 * KpiMeasures.All.Count, header.Count);
        Assert.Equal(batch.Projects.Count + 1, workbook.Rows(KpiWorkbookBuilder.SheetName).Count);
        var sheet = workbook.Worksheet(KpiWorkbookBuilder.SheetName);
        Assert.Equal("A2", sheet.Descendants<Pane>().Single().TopLeftCell!.Value);
        Assert.StartsWith("A1:", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);

        var row = workbook.RowWith(KpiWorkbookBuilder.SheetName, project.Number);
        Assert.Equal(project.Name, Workbooks.Text(row["計畫名稱"]));
        Assert.Equal("周主持", Workbooks.Text(row["主持人"]));
        Assert.Equal(project.Alliance!.AllianceName, Workbooks.Text(row["聯盟名稱"]));
        Assert.Equal("已確認", Workbooks.Text(row["狀態"]));
        var expected = batch.Projects.Single(p => p.Project.Id == project.Id);
        foreach (var measure in KpiMeasures.All)
        {
            AssertNumber(workbook, row, KpiWorkbookBuilder.Header(measure, KpiWorkbookBuilder.PeriodSuffix), expected.Period.Value(measure.Measure), measure);
            AssertNumber(workbook, row, KpiWorkbookBuilder.Header(measure, KpiWorkbookBuilder.CumulativeSuffix), expected.Cumulative.Value(measure.Measure), measure);
            AssertNumber(workbook, row, KpiWorkbookBuilder.Header(measure, KpiWorkbookBuilder.TargetSuffix), expected.Target(measure.Measure), measure);
            var rateHeader = KpiWorkbookBuilder.Header(measure, KpiWorkbookBuilder.RateSuffix);
            if (expected.Rate(measure.Measure) is { } rate)
            {
                Assert.Equal((double)(rate / 100m), Workbooks.Number(row[rateHeader]), 6);
                Assert.Equal(ReportWorkbookWriter.PercentFormat, workbook.FormatCode(row[rateHeader]));
            }
            else
            {
                Assert.False(row.ContainsKey(rateHeader), $"{rateHeader} should be empty");
            }
        }
        Assert.Equal(2, Workbooks.Number(row["聯盟廠商會員家數(家) 累計"]));
        Assert.Equal(4, Workbooks.Number(row["聯盟廠商會員家數(家) 目標"]));
        Assert.Equal(0.5, Workbooks.Number(row["聯盟廠商會員家數(家) 達成率"]), 6);
        var demo = workbook.RowWith(KpiWorkbookBuilder.SheetName, DemoSeeder.ProjectNumber);
        Assert.Equal(KpiWorkbookBuilder.NotFilled, Workbooks.Text(demo["狀態"]));
    }

    private static void AssertNumber(Workbooks workbook, Dictionary<string, Cell> row, string header, decimal? value, KpiMeasureInfo measure)
    {
        if (value is not { } expected)
        {
            Assert.False(row.ContainsKey(header), $"{header} should be empty");
            return;
        }
        Assert.True(Workbooks.IsNumber(row[header]), $"{header} is not a number");
        Assert.Equal((double)expected, Workbooks.Number(row[header]), 6);
        Assert.Equal(measure.Unit == "仟元" ? ReportWorkbookWriter.AmountFormat : "builtin 1", workbook.FormatCode(row[header]));
    }

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task OnlyTheOfficeMayDownloadIt(string email)
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        using var client = await factory.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url(periods.First))).StatusCode);
    }

    [Fact]
    public async Task TheReviewListLinksToItTheExpectedResultsPeriodIsNotFoundAndNoPeriodMeansTheOpenOne()
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(Url(periods.Expected))).StatusCode);
        var review = await office.GetPageAsync($"/office/review?periodId={periods.First}");
        Assert.Equal(Url(periods.First), review.QuerySelector("[data-testid=kpi-export]")!.GetAttribute("href"));
        Assert.Null((await office.GetPageAsync($"/office/review?periodId={periods.Expected}")).QuerySelector("[data-testid=kpi-export]"));
        var chosen = await office.GetAsync("/office/exports/kpi.xlsx");
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.StartsWith("2021第二次_", chosen.Content.Headers.ContentDisposition!.FileNameStar);
    }
}
