using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

/// <summary>The portal on 2021/11/05 10:00 in Taiwan: the first report's deadline (2021/10/31) has passed.</summary>
public sealed class AfterFirstDeadlineBrowserHost : BrowserHost
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 11, 5, 2, 0, 0, TimeSpan.Zero);
}

public sealed class CockpitTests(AfterFirstDeadlineBrowserHost host) : BrowserTest(host), IClassFixture<AfterFirstDeadlineBrowserHost>
{
    [Fact]
    public Task TheOfficeOpensTheCockpitSeesTheOverdueProjectFlaggedAndTheChartsDrawn() => ScenarioAsync(async () =>
    {
        var firstReport = await Host.WithDbAsync(db => db.ReportingPeriods
            .Where(p => p.Kind == ReportingPeriodKind.FirstReport && p.ProgrammeYear!.Year == DemoSeeder.Year).Select(p => p.Id).SingleAsync());
        var page = await NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add("page error: " + error);

        await new LoginPage(page).SignInAsync(DemoSeeder.OfficeEmail, DemoSeeder.Password);
        var cockpit = await new CockpitPage(page).OpenFromMenuAsync();

        var overdue = cockpit.Cell(DemoSeeder.ProjectNumber, firstReport);
        await Assertions.Expect(overdue).ToHaveTextAsync("逾期");
        await Assertions.Expect(overdue).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("completion-overdue"));
        await Assertions.Expect(overdue).ToHaveCSSAsync("background-color", "rgb(248, 215, 218)");
        await Assertions.Expect(cockpit.Anomalies).ToContainTextAsync("開放期間尚無工作進度");
        foreach (var chart in new[] { "overall", "companymembers" })
        {
            await Assertions.Expect(cockpit.Chart(chart)).ToHaveAttributeAsync("data-chart-drawn", new System.Text.RegularExpressions.Regex("^[1-9]"));
            var box = await cockpit.Chart(chart).BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 100 }, $"The {chart} chart has no size: {box?.Width}×{box?.Height}");
        }
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Chart === 'function'"), "Chart.js is not loaded");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    });
}
