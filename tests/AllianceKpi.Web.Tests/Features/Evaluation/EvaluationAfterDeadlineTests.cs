using System.Net;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Evaluation.EvaluationTestData;

namespace AllianceKpi.Web.Tests.Features.Evaluation;

/// <summary>After the first report's deadline (2021/10/31) and without an extension, the form is read-only for the project.</summary>
public sealed class EvaluationAfterDeadlineTests(AfterDeadlineFactory factory) : IClassFixture<AfterDeadlineFactory>
{
    private const string Closed = "已超過繳交期限 2021/10/31，請洽計畫辦公室申請展延。";

    [Fact]
    public async Task SaveSubmitAndAutosaveAreRefusedWithTheDomainsMessage()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Url(projectId, periodId);

        var page = await pi.GetPageAsync(url);
        var save = await CraftedPostAsync(pi, url, Complete(), "save", url);
        var submit = await CraftedPostAsync(pi, url, Complete(), "submit", url);
        var autosave = await AutosaveAsync(pi, url, Complete());

        Assert.Equal(Closed, page.QuerySelector("[data-testid=read-only-reason]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=save-button]"));
        Assert.Null(page.QuerySelector("[data-testid=submit-button]"));
        foreach (var response in new[] { save, submit })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refused = PortalClient.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(Closed, refused.QuerySelector("[data-testid=form-errors]")!.TextContent);
            Assert.Equal("第1項依計畫執行。", TextOf(refused, "item1.narrative"));
        }
        Assert.Equal(HttpStatusCode.Conflict, autosave.StatusCode);
        Assert.Contains(Closed, await autosave.Content.ReadAsStringAsync());
        Assert.Null(await FormAsync(factory, projectId, periodId));
        Assert.Empty(await SubmissionsAsync(factory, projectId, periodId));
    }

    [Fact]
    public async Task AnExtensionOpensTheFormAgainForTheProject()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        await factory.WithDbAsync(db =>
        {
            db.EvaluationForms.Add(new Domain.Forms.EvaluationForm
            {
                ProjectId = projectId, ReportingPeriodId = periodId, State = FormState.Draft, ExtendedUntil = new DateOnly(2021, 11, 15),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var submitted = await PostAsync(pi, Url(projectId, periodId), Complete(), "submit");

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(FormState.Submitted, (await FormAsync(factory, projectId, periodId))!.State);
    }
}
