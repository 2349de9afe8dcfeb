using System.Diagnostics;
using System.Net;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Reports;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Office.Exports;
using AllianceKpi.Web.Features.Office.PeriodKpi;
using AllianceKpi.Web.Tests.Data;
using AllianceKpi.Web.Tests.Features.Reports;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceKpi.Web.Tests.Features.Office.Cockpit;

/// <summary>
/// 224 alliances (the programme's size) with 40 entries each: the KPI workbook and the cockpit still answer, and the times are
/// printed to the test output (a measurement, not a timed assertion; the benchmark proper lives under bench/).
/// </summary>
public sealed class KpiWorkbookScaleTests(CockpitClockFactory factory, ITestOutputHelper output) : IClassFixture<CockpitClockFactory>
{
    public const int Alliances = 224;

    [Fact]
    public async Task TheWorkbookAndTheCockpitOf224AlliancesAreBuiltAndTimed()
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(periods);
        output.WriteLine($"seeded {Alliances} alliances in {seeding.ElapsedMilliseconds} ms");

        var times = new List<double>();
        byte[] bytes = [];
        for (var run = 0; run < 4; run++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var started = Stopwatch.GetTimestamp();
            var set = await scope.ServiceProvider.GetRequiredService<PeriodKpiHandler>().LoadAsync(periods.First, CancellationToken.None);
            bytes = ReportWorkbookWriter.Write(KpiWorkbookBuilder.Build(set!));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        output.WriteLine($"KPI workbook ({Alliances + 1} projects): runs {string.Join(", ", times.Select(t => t.ToString("0")))} ms; " +
                         $"median of the warm runs {times.Skip(1).Order().ElementAt(1):0} ms; {bytes.Length / 1024} KiB");
        using var workbook = new Workbooks(bytes);
        Assert.Equal(Alliances + 2, workbook.Rows(KpiWorkbookBuilder.SheetName).Count);

        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var http = Stopwatch.StartNew();
        var response = await office.GetAsync($"/office/exports/kpi.xlsx?periodId={periods.First}");
        output.WriteLine($"KPI workbook over HTTP: {http.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        http.Restart();
        var page = await office.GetPageAsync("/office/cockpit?year=2021");
        output.WriteLine($"cockpit page over HTTP: {http.ElapsedMilliseconds} ms");
        Assert.Equal(Alliances + 1, page.QuerySelectorAll("[data-testid=heatmap] tbody tr").Length);
    }

    /// <summary>Three saves in all (projects, members, the other entries), not three per alliance.</summary>
    private Task SeedAsync(DemoPeriods periods) => factory.WithDbAsync(async db =>
    {
        var projects = Enumerable.Range(0, Alliances).Select(a => new Project
        {
            Number = $"SC{a:000}", Name = $"規模測試計畫{a}", Year = DemoSeeder.Year, PrincipalInvestigatorName = "規模",
            School = "測試大學", Department = "測試系",
            Alliance = new AllianceProfile { AllianceName = $"規模測試聯盟{a:000}", PrimaryIndustryCode = "C26" },
        }).ToList();
        db.Projects.AddRange(projects);
        await db.SaveChangesAsync();
        var members = projects.ToDictionary(p => p.Id, p => Enumerable.Range(0, 10).Select(m =>
        {
            var member = ProgressEntryTestData.Member(p.Id, periods.First);
            (member.CompanyName, member.TaxId) = ($"規模公司{p.Number}-{m}", null);
            return member;
        }).ToList());
        db.AllianceMembers.AddRange(members.Values.SelectMany(m => m));
        await db.SaveChangesAsync();
        var entries = new List<ProgressEntry>();
        foreach (var (projectId, own) in members)
        {
            for (var i = 0; i < 5; i++)
            {
                entries.AddRange([
                    ProgressEntryTestData.Income(projectId, periods.First, own[i].Id),
                    ProgressEntryTestData.Income(projectId, periods.First, own[i + 5].Id),
                    ProgressEntryTestData.Cooperation(projectId, periods.First, own[i].Id),
                    ProgressEntryTestData.Service(projectId, periods.First, own[i].Id),
                    ProgressEntryTestData.Transfer(projectId, periods.First),
                    ProgressEntryTestData.Activity(projectId, periods.First),
                ]);
            }
            entries.AddRange([ProgressEntryTestData.Visit(projectId, periods.First), ProgressEntryTestData.Patent(projectId, periods.First, own[0].Id)]);
        }
        db.AddRange(entries);
        await db.SaveChangesAsync();
    });
}
