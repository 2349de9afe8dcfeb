using System.Net;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using static AllianceKpi.Web.Tests.Features.ExpectedResults.ExpectedResultsTestData;

namespace AllianceKpi.Web.Tests.Features.ExpectedResults;

/// <summary>After the 預期成果綜整表's deadline (2021/04/30) the form is read-only unless the office granted an extension.</summary>
public sealed class ExpectedResultsDeadlineTests(ExpectedResultsAfterDeadlineFactory factory) : IClassFixture<ExpectedResultsAfterDeadlineFactory>
{
    private const string Closed = "已超過繳交期限 2021/04/30，請洽計畫辦公室申請展延。";

    private async Task<ExpectedProject> DraftAsync(DateOnly? extendedUntil = null)
    {
        var project = await ProjectAsync(factory);
        await factory.WithDbAsync(async db =>
        {
            db.ExpectedResults.Add(new Domain.Forms.ExpectedResults
            {
                ProjectId = project.ProjectId, Year = DemoSeeder.Year, CompanyMembers = 2, ExtendedUntil = extendedUntil,
            });
            await db.SaveChangesAsync();
        });
        return project;
    }

    [Fact]
    public async Task AfterTheDeadlineTheFormIsReadOnlyAndSavesAndSubmitsAreRefused()
    {
        var project = await DraftAsync();
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var page = await pi.GetPageAsync(project.Url);
        var fields = FieldsOf(page, Complete());

        var save = await PostAsync(pi, project.Url, new(fields), "save");
        var submit = await PostAsync(pi, project.Url, new(fields), "submit");
        var autosave = await pi.PostFormAsync(project.AutosaveUrl, fields, tokenPage: project.Url);

        Assert.Equal(Closed, Text(page, "read-only-reason"));
        Assert.False(page.Has("[data-testid=save]") || page.Has("[data-testid=submit]"));
        Assert.Equal(Closed, Text(await PageAfterAsync(pi, save), "form-errors"));
        Assert.Equal(Closed, Text(await PageAfterAsync(pi, submit), "form-errors"));
        Assert.Equal(HttpStatusCode.BadRequest, autosave.StatusCode);
        var stored = (await StoredAsync(factory, project))!;
        Assert.Equal((FormState.Draft, 2, (int?)null), (stored.State, stored.CompanyMembers, stored.PromotionEvents));
    }

    [Fact]
    public async Task AnExtensionLetsThePiFillAndSubmitAfterTheDeadline()
    {
        var project = await DraftAsync(new DateOnly(2021, 5, 10));
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var response = await PressAsync(pi, project, "submit", Complete());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FormState.Submitted, (await StoredAsync(factory, project))!.State);
    }
}
