using System.Net;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.ExpectedResults.ExpectedResultsTestData;

namespace AllianceKpi.Web.Tests.Features.ExpectedResults;

/// <summary>預期成果 in review: the office's list and review page, 退回修改, the second version, and 送出版本 with the diff for the project.</summary>
public sealed class ExpectedResultsReviewTests(ExpectedResultsClockFactory factory) : IClassFixture<ExpectedResultsClockFactory>
{
    [Fact]
    public async Task TheOfficeReviewsAndReturnsThePiResubmitsAndBothSeeTheVersionsAndTheirDiff()
    {
        var people = await Personas.EnsureAsync(factory);
        var project = await ProjectAsync(factory);
        var number = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project.ProjectId).Select(p => p.Number).SingleAsync());
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var review = $"/office/review/expected-results/{project.ProjectId}/{project.PeriodId}";
        var versions = $"/projects/{project.ProjectId}/submissions/expected-results/{project.PeriodId}";
        Assert.Equal(HttpStatusCode.Redirect, (await PressAsync(pi, project, "submit", Complete())).StatusCode);

        var list = await office.GetPageAsync($"/office/review?periodId={project.PeriodId}");
        Assert.Equal("已送出", list.QuerySelector($"tr[data-project='{number}'] [data-testid=state]")!.TextContent);
        Assert.Equal(review, list.QuerySelector($"tr[data-project='{number}'] a")!.GetAttribute("href"));
        var first = await office.GetPageAsync(review);
        Assert.Equal("已送出", Text(first, "form-state"));
        Assert.Equal("1", first.QuerySelector("[data-testid=snapshot] [data-field='item1.companyMembers']")!.TextContent);
        Assert.Equal("112.75", first.QuerySelector("[data-testid=snapshot] [data-field='item3.totalIncome']")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await pi.GetAsync(review)).StatusCode);

        var returned = await office.PostFormAsync($"{review}/return", new { Reason = "會員家數目標偏低，請再評估。" }, review);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(FormState.Returned, (await StoredAsync(factory, project))!.State);
        var again = await PressAsync(pi, project, "submit", new Dictionary<string, string> { [Target("item1.companyMembers")] = "6" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        foreach (var viewer in new[] { pi, office })
        {
            var page = await viewer.GetPageAsync($"{versions}?version=2&compare=1");
            var row = page.QuerySelector("[data-testid=diff] tr[data-path='item1.companyMembers']")!;
            Assert.Equal("1", row.QuerySelectorAll("td")[0].TextContent);
            Assert.Equal("6", row.QuerySelectorAll("td")[1].TextContent);
            Assert.Single(page.QuerySelectorAll("[data-testid=diff] tbody tr"));
            Assert.NotNull(page.QuerySelector("[data-testid=version-1]"));
            Assert.Contains("會員家數目標偏低，請再評估。", page.QuerySelector("[data-testid=workflow-history]")!.TextContent);
            var earlier = await viewer.GetPageAsync($"{versions}?version=1");
            Assert.Equal("1", earlier.QuerySelector("[data-testid=snapshot] [data-field='item1.companyMembers']")!.TextContent);
        }
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        Assert.Equal(HttpStatusCode.OK, (await assistant.GetAsync(versions)).StatusCode);
        using var otherAssistant = await factory.SignedInAsync(Personas.OtherAssistantEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAssistant.GetAsync(versions)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAssistant.GetAsync(review)).StatusCode);
        Assert.NotEqual(0, people.OtherProjectId);

        var accepted = await office.PostFormAsync($"{review}/accept", new { }, review);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(FormState.Accepted, (await StoredAsync(factory, project))!.State);
        Assert.Equal("已確認", Text(await office.GetPageAsync(review), "form-state"));
    }
}
