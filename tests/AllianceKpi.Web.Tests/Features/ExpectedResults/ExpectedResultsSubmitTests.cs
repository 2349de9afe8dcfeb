using System.Net;
using AllianceKpi.Domain.Text;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.ExpectedResults.ExpectedResultsTestData;

namespace AllianceKpi.Web.Tests.Features.ExpectedResults;

/// <summary>確定送出 of 預期成果: only the PI, the notes' limit, the stored snapshot, and the lock afterwards.</summary>
public sealed class ExpectedResultsSubmitTests(ExpectedResultsClockFactory factory) : IClassFixture<ExpectedResultsClockFactory>
{
    /// <summary>8 characters: 預 期 成 果 👍🏽 🇹🇼 𠀀 and a CRLF line break, which counts 1.</summary>
    private const string Eight = "預期成果👍🏽🇹🇼𠀀\r\n";

    private static readonly string FiveHundred = string.Concat(Enumerable.Repeat(Eight, 62)) + "預期成果";

    [Fact]
    public async Task ANoteOfExactlyFiveHundredCharactersIsSubmittedAndOneMoreIsRefusedAtSubmitButKeptInTheDraft()
    {
        Assert.Equal(500, TextLength.Count(FiveHundred));
        var exact = await ProjectAsync(factory);
        var over = await ProjectAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var accepted = await PressAsync(pi, exact, "submit", new Dictionary<string, string>(Complete()) { [Note(5)] = FiveHundred });
        var draft = await PressAsync(pi, over, "save", new Dictionary<string, string>(Complete()) { [Note(5)] = FiveHundred + "字" });
        var refused = await PressAsync(pi, over, "submit");
        var page = await PageAfterAsync(pi, refused);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(FormState.Submitted, (await StoredAsync(factory, exact))!.State);
        Assert.Equal(FiveHundred.Replace("\r\n", "\n"), (await StoredAsync(factory, exact))!.NoteOf(5));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("送出前檢查尚有 1 項須修正，請修正後再確定送出。", Text(page, "form-errors"));
        Assert.Contains("「5. 其它補充說明」字數限制500字元，目前501字，超過1字。", Text(page, "checklist-blocking"));
        Assert.Equal("#item5.note", page.QuerySelector("[data-testid=checklist-blocking] a")!.GetAttribute("href"));
        Assert.Equal("-1", page.QuerySelector("[id='item5.note-counter']")!.TextContent);
        var kept = (await StoredAsync(factory, over))!;
        Assert.Equal(FormState.Draft, kept.State);
        Assert.Equal(501, TextLength.Count(kept.NoteOf(5)));
    }

    [Fact]
    public async Task TheAssistantHasNoSubmitButtonAndACraftedSubmitIsForbiddenAndChangesNothing()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        await PressAsync(assistant, project, "save", Complete());
        var before = (await StoredAsync(factory, project))!;
        var page = await assistant.GetPageAsync(project.Url);

        var response = await PostAsync(assistant, project.Url,
            FieldsOf(page, new Dictionary<string, string> { [Target("item1.companyMembers")] = "99" }), "submit");

        Assert.False(page.Has("[data-testid=submit]"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = (await StoredAsync(factory, project))!;
        Assert.Equal((FormState.Draft, before.Version, 1), (after.State, after.Version, after.CompanyMembers));
        Assert.False(await factory.WithDbAsync(db => db.FormSubmissions.AnyAsync(s => s.ProjectId == project.ProjectId)));
        Assert.False(await factory.WithDbAsync(db => db.WorkflowEvents.AnyAsync(e => e.ProjectId == project.ProjectId)));
    }

    [Fact]
    public async Task ThePiSubmitsAndTheFormIsLockedWithAnIntactSnapshotAndItsHistory()
    {
        var project = await ProjectAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        Assert.True((await pi.GetPageAsync(project.Url)).Has("[data-testid=submit]"));

        var response = await PressAsync(pi, project, "submit", Complete());
        var page = await PageAfterAsync(pi, response);

        Assert.Equal("已確定送出預期成果，資料已鎖定。", Text(page, "flash"));
        Assert.Equal("已送出", Text(page, "form-state"));
        Assert.False(page.Has("[data-testid=save]") || page.Has("[data-testid=submit]"));
        Assert.NotNull(page.QuerySelector("input[id='item1.companyMembers']")!.GetAttribute("readonly"));
        var submission = await factory.WithDbAsync(db => db.FormSubmissions.AsNoTracking().SingleAsync(s => s.ProjectId == project.ProjectId));
        Assert.Equal((FormKind.ExpectedResults, project.PeriodId, 1, FormState.Submitted), (submission.Kind, submission.ReportingPeriodId, submission.Number, submission.State));
        Assert.Matches("^[0-9a-f]{64}$", submission.Sha256);
        Assert.True(submission.IsIntact);
        var totals = submission.Read().Sections.Single(s => s.Key == "item3").Fields;
        Assert.Equal("112.75", totals.Single(f => f.Key == "totalIncome").Value);
        var history = await factory.WithDbAsync(db => db.WorkflowEvents.AsNoTracking().SingleAsync(e => e.ProjectId == project.ProjectId));
        Assert.Equal((FormAction.Submit, FormState.Draft, FormState.Submitted, FormKind.ExpectedResults),
            (history.Action, history.FromState, history.ToState, history.Kind));
        Assert.Equal(await Support.Personas.UserIdAsync(factory, DemoSeeder.PiEmail), history.UserId);
    }

    [Fact]
    public async Task AfterSubmittingEverySaveIsRefusedWithTheDomainsMessageAndNothingChanges()
    {
        var project = await ProjectAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var stale = FieldsOf(await assistant.GetPageAsync(project.Url), Complete());
        await PressAsync(pi, project, "submit", Complete());
        var submitted = (await StoredAsync(factory, project))!;
        var current = FieldsOf(await pi.GetPageAsync(project.Url), new Dictionary<string, string> { [Target("item1.companyMembers")] = "7" });

        var fromStalePage = await PostAsync(assistant, project.Url, new(stale) { [Target("item1.companyMembers")] = "8" }, "save");
        var fromCurrentPage = await PostAsync(pi, project.Url, new(current), "save");
        var again = await PostAsync(pi, project.Url, new(current), "submit");
        var autosave = await pi.PostFormAsync(project.AutosaveUrl, current, tokenPage: project.Url);

        const string locked = "資料已送出，無法再進行修改；如需修改請洽計畫辦公室退回。";
        Assert.Equal(locked, Text(await PageAfterAsync(assistant, fromStalePage), "form-errors"));
        Assert.Equal(locked, Text(await PageAfterAsync(pi, fromCurrentPage), "form-errors"));
        Assert.Equal("資料已送出，請勿重複送出。", Text(await PageAfterAsync(pi, again), "form-errors"));
        Assert.Equal(HttpStatusCode.BadRequest, autosave.StatusCode);
        Assert.Equal(locked, (await MessageOfAsync(autosave)).TrimEnd());
        var after = (await StoredAsync(factory, project))!;
        Assert.Equal((FormState.Submitted, submitted.Version, 1), (after.State, after.Version, after.CompanyMembers));
        Assert.Equal(1, await factory.WithDbAsync(db => db.FormSubmissions.CountAsync(s => s.ProjectId == project.ProjectId)));
    }

    [Fact]
    public async Task ChangingTheRowAfterSubmittingDoesNotChangeTheStoredSnapshotOrItsHash()
    {
        var project = await ProjectAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await PressAsync(pi, project, "submit", Complete());
        var stored = await factory.WithDbAsync(db => db.FormSubmissions.AsNoTracking().SingleAsync(s => s.ProjectId == project.ProjectId));

        await factory.WithDbAsync(async db =>
        {
            var form = await db.ExpectedResults.Include(e => e.Notes).SingleAsync(e => e.ProjectId == project.ProjectId);
            form.CompanyMembers = 999;
            form.OtherIncome = 5000m;
            form.SetNote(1, "事後竄改");
            await db.SaveChangesAsync();
        });

        var after = await factory.WithDbAsync(db => db.FormSubmissions.AsNoTracking().SingleAsync(s => s.ProjectId == project.ProjectId));
        Assert.Equal(stored.CanonicalJson, after.CanonicalJson);
        Assert.Equal(stored.Sha256, after.Sha256);
        Assert.True(after.IsIntact);
        var item1 = after.Read().Sections.Single(s => s.Key == "item1").Fields;
        Assert.Equal(("1", "招募 5 家廠商會員"), (item1.Single(f => f.Key == "companyMembers").Value, item1.Single(f => f.Key == "note").Value));
    }
}
