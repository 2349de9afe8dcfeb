using System.Security.Claims;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Evaluation;
using AllianceKpi.Web.Features.Office.PeriodKpi;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Office.Cockpit;

/// <summary>The batch KPI of all projects of a period equals, project by project, what the 管考資料 page computes.</summary>
public sealed class PeriodKpiTests(CockpitClockFactory factory) : IClassFixture<CockpitClockFactory>
{
    private static readonly ClaimsPrincipal Office =
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "office-test"), new Claim(ClaimTypes.Role, AppRoles.Office)], "test"));

    [Fact]
    public async Task EveryProjectsFiguresTargetsAndStateEqualThoseOfItsEvaluationPage()
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        var full = await CockpitTestData.ProjectAsync(factory);
        var twice = await CockpitTestData.ProjectAsync(factory);
        var empty = await CockpitTestData.ProjectAsync(factory);
        await CockpitTestData.FillAsync(factory, full.Id, periods);
        await CockpitTestData.FillAsync(factory, twice.Id, periods, scale: 2);
        await CockpitTestData.TargetsAsync(factory, full.Id);
        await CockpitTestData.FormAsync(factory, full.Id, periods.First, FormState.Submitted);
        await CockpitTestData.FormAsync(factory, twice.Id, periods.Second, FormState.Returned, new DateOnly(2022, 2, 10));

        foreach (var periodId in new[] { periods.First, periods.Second })
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var set = await scope.ServiceProvider.GetRequiredService<PeriodKpiHandler>().LoadAsync(periodId, CancellationToken.None);
            Assert.NotNull(set);
            Assert.Contains(set.Projects, p => p.Project.Number == DemoSeeder.ProjectNumber);
            var evaluation = scope.ServiceProvider.GetRequiredService<EvaluationContextHandler>();
            foreach (var row in set.Projects)
            {
                var page = await evaluation.LoadAsync(Office, row.Project.Id, periodId, tracked: false, CancellationToken.None);
                Assert.NotNull(page);
                Assert.Equal(page.PeriodReport.Figures, row.Period);
                Assert.Equal(page.Cumulative.Figures, row.Cumulative);
                Assert.Equal(page.Form.Id == 0 ? null : page.Form.State, row.State);
                Assert.Equal(page.Form.ExtendedUntil, row.ExtendedUntil);
                foreach (var measure in KpiMeasures.All.Select(m => m.Measure))
                {
                    Assert.Equal(page.Targets?.TargetOf(measure), row.Target(measure));
                }
            }
            var fullRow = set.Projects.Single(p => p.Project.Id == full.Id);
            var twiceRow = set.Projects.Single(p => p.Project.Id == twice.Id);
            Assert.NotEqual(0m, fullRow.Cumulative.Value(KpiMeasure.TotalIncome));
            Assert.Equal(2 * fullRow.Cumulative.Value(KpiMeasure.TotalIncome), twiceRow.Cumulative.Value(KpiMeasure.TotalIncome));
            Assert.Equal(0m, set.Projects.Single(p => p.Project.Id == empty.Id).Cumulative.Value(KpiMeasure.CompanyMembers));
            Assert.Equal(full.Alliance!.AllianceName, fullRow.Project.AllianceName);
        }
    }

    [Fact]
    public async Task ThePeriodOfExpectedResultsAndAnUnknownPeriodHaveNoKpi()
    {
        var periods = await DemoPeriods.ReadAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<PeriodKpiHandler>();

        Assert.Null(await handler.LoadAsync(periods.Expected, CancellationToken.None));
        Assert.Null(await handler.LoadAsync(999_999, CancellationToken.None));
        Assert.Equal(periods.Second, await handler.DefaultPeriodIdAsync(CancellationToken.None));
    }
}
