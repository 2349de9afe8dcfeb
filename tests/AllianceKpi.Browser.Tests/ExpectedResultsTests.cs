using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

/// <summary>預期成果 in the browser on 2021/04/15: 總收入 follows the three income parts as they are typed, and the server agrees after 資料暫存.</summary>
public sealed class ExpectedResultsTests(ExpectedResultsBrowserHost host) : BrowserTest(host), IClassFixture<ExpectedResultsBrowserHost>
{
    /// <summary>A project of the demo year with the demo PI, so that its 預期成果 starts blank.</summary>
    private Task<(int ProjectId, int PeriodId)> ProjectAsync() => Host.WithDbAsync(async db =>
    {
        var piId = await db.Users.Where(u => u.Email == DemoSeeder.PiEmail).Select(u => u.Id).SingleAsync();
        var number = "2021BRX_" + Guid.NewGuid().ToString("N")[..8];
        var project = new Project
        {
            Number = number,
            Name = "預期成果瀏覽器測試計畫 " + number,
            Year = DemoSeeder.Year,
            PrincipalInvestigatorName = "王大明",
            School = "成功大學",
            Department = "機械系",
            Alliance = new AllianceProfile { AllianceName = "預期成果瀏覽器測試聯盟", PrimaryIndustryCode = "C19" },
        };
        project.Members.Add(new ProjectMember { UserId = piId, Role = ProjectRole.PrincipalInvestigator });
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var periodId = await db.ReportingPeriods
            .Where(p => p.Kind == ReportingPeriodKind.ExpectedResults && p.ProgrammeYear!.Year == DemoSeeder.Year)
            .Select(p => p.Id).SingleAsync();
        return (project.Id, periodId);
    });

    [Fact]
    public Task TotalIncomeFollowsThePartsAsTheyAreTypedAndMatchesTheServerAfterSaving() => ScenarioAsync(async () =>
    {
        var (projectId, periodId) = await ProjectAsync();
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.PiEmail, DemoSeeder.Password);
        var form = new ExpectedResultsPage(page);
        await form.OpenAsync(projectId, periodId);
        await Assertions.Expect(form.TotalIncome).ToHaveTextAsync("0");

        await form.TypeAsync(ExpectedResultsPage.MembershipFee, "1,200.5");
        await Assertions.Expect(form.TotalIncome).ToHaveTextAsync("1200.5");
        await form.TypeAsync(ExpectedResultsPage.TechnicalService, "0.125");
        await Assertions.Expect(form.TotalIncome).ToHaveTextAsync("1200.625");
        await form.TypeAsync(ExpectedResultsPage.Other, "37.375");
        await Assertions.Expect(form.TotalIncome).ToHaveTextAsync("1238");
        await form.TypeAsync(ExpectedResultsPage.Other, "abc");
        await Assertions.Expect(form.TotalIncome).ToHaveTextAsync("1200.625");
        await form.TypeAsync(ExpectedResultsPage.Other, "37.375");
        await Assertions.Expect(form.TotalIncome).ToHaveTextAsync("1238");
        Assert.EndsWith($"/projects/{projectId}/expected-results/{periodId}", page.Url, StringComparison.Ordinal);

        await form.SaveButton.ClickAsync();
        await Assertions.Expect(form.Flash).ToContainTextAsync("暫存");
        await Assertions.Expect(form.TotalIncome).ToHaveTextAsync("1238");
        var stored = await Host.WithDbAsync(db => db.ExpectedResults.AsNoTracking().SingleAsync(e => e.ProjectId == projectId));
        Assert.Equal((1200.5m, 0.125m, 37.375m, 1238m),
            (stored.MembershipFeeIncome!.Value, stored.TechnicalServiceIncome!.Value, stored.OtherIncome!.Value, stored.TotalIncome));
        await page.ReloadPageAsync();
        await Assertions.Expect(form.TotalIncome).ToHaveTextAsync("1238");
        await Assertions.Expect(form.Field(ExpectedResultsPage.MembershipFee)).ToHaveValueAsync("1200.5");
    });
}
