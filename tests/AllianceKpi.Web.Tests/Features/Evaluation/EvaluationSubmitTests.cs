using System.Net;
using System.Text;
using AllianceKpi.Domain.Text;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Evaluation.EvaluationTestData;

namespace AllianceKpi.Web.Tests.Features.Evaluation;

/// <summary>確定送出: the limits, the checklist, the PI only, the snapshot, and the lock that follows.</summary>
public sealed class EvaluationSubmitTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    /// <summary>Text of exactly <paramref name="count"/> characters mixing CJK, emoji sequences and CRLF line breaks (each counts 1).</summary>
    private static string Characters(int count)
    {
        string[] units = ["字", "😀", "\r\n", "👨‍👩‍👧‍👦", "𠀀", "，"];
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(units[i % units.Length]);
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(8, 1000)]
    [InlineData(1, 500)]
    public async Task ANarrativeAtItsLimitIsSubmittedOneCharacterMoreBlocksItButTheDraftKeepsIt(int item, int limit)
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Url(projectId, periodId);
        var tooLong = Characters(limit + 1);
        Assert.Equal(limit + 1, TextLength.Count(tooLong));

        var draft = await PostAsync(pi, url, Complete().Set(Narrative(item), tooLong));
        var kept = await FormAsync(factory, projectId, periodId);
        var refused = await PostAsync(pi, url, Complete().Set(Narrative(item), tooLong), "submit");
        var refusedPage = Support.PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        var submitted = await PostAsync(pi, url, Complete().Set(Narrative(item), Characters(limit)), "submit");

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(tooLong.Replace("\r\n", "\n", StringComparison.Ordinal), kept!.ItemOf(item)!.Narrative);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"「{item}. 計畫執行達成狀況/其它」字數限制{limit}字元，目前{limit + 1}字，超過1字。",
            refusedPage.QuerySelector("[data-testid=checklist-blocking]")!.TextContent);
        Assert.Contains("送出前檢查尚有 1 項須修正，請修正後再確定送出。", refusedPage.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal(tooLong.ReplaceLineEndings("\n"), TextOf(refusedPage, $"item{item}.narrative").ReplaceLineEndings("\n"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var stored = await FormAsync(factory, projectId, periodId);
        Assert.Equal(FormState.Submitted, stored!.State);
        Assert.Equal(limit, TextLength.Count(stored.ItemOf(item)!.Narrative));
    }

    [Fact]
    public async Task SubmitWaitsForTheYearsExpectedResultsToBeSubmitted()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Url(projectId, periodId);

        var blocked = await PostAsync(pi, url, Complete(), "submit");
        var blockedPage = Support.PortalClient.Parse(await blocked.Content.ReadAsStringAsync());
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        var allowed = await PostAsync(pi, url, Complete(), "submit");
        var after = await pi.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var message = blockedPage.QuerySelector("[data-testid=checklist-blocking] a")!;
        Assert.Equal("本年度預期成果尚未確定送出：請先由計畫主持人送出預期成果，再送出管考資料。", message.TextContent);
        Assert.Equal("/expected-results", message.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Equal("已送出", StateOn(after));
        Assert.Equal("管考資料已確定送出。", after.QuerySelector("[data-testid=flash]")!.TextContent);
        Assert.Null(after.QuerySelector("[data-testid=save-button]"));
        Assert.Null(after.QuerySelector("[data-testid=submit-button]"));
        Assert.Null(after.QuerySelector("form[data-autosave-url]"));
    }

    [Fact]
    public async Task AnAssistantHasNoSubmitButtonAndACraftedSubmitIsForbidden()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var url = Url(projectId, periodId);

        var page = await assistant.GetPageAsync(url);
        var response = await PostAsync(assistant, url, Complete(), "submit");

        Assert.Null(page.QuerySelector("[data-testid=submit-button]"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await FormAsync(factory, projectId, periodId));
        Assert.Empty(await SubmissionsAsync(factory, projectId, periodId));
    }

    [Fact]
    public async Task ThePisSubmissionStoresAnIntactSnapshotWithTheEntriesAndLocksTheForm()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        var (counted, notCounted) = await factory.WithDbAsync(async db =>
        {
            var a = MemberTestData.Member(projectId, periodId, "甲快照公司");
            var b = MemberTestData.Member(projectId, periodId, "乙短約公司", new DateOnly(2021, 9, 30));
            db.AllianceMembers.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Url(projectId, periodId);

        var unconfirmed = await PostAsync(pi, url, Complete(), "submit");
        var unconfirmedPage = Support.PortalClient.Parse(await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal("送出前檢查列有提醒事項，請勾選「我已確認上列提醒」後再確定送出。", ErrorFor(unconfirmedPage, "Form.ConfirmWarnings"));
        Assert.Contains("乙短約公司", unconfirmedPage.QuerySelector("[data-testid=checklist-warnings]")!.TextContent);
        Assert.Equal($"/projects/{projectId}/progress/{periodId}/members/{notCounted}/edit",
            unconfirmedPage.QuerySelector("[data-testid=checklist-warnings] a")!.GetAttribute("href"));
        Assert.Empty(await SubmissionsAsync(factory, projectId, periodId));

        var submitted = await PostAsync(pi, url, Complete().Set("Form.ConfirmWarnings", "true"), "submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var submission = Assert.Single(await SubmissionsAsync(factory, projectId, periodId));
        Assert.True(submission.IsIntact);
        Assert.Matches("^[0-9a-f]{64}$", submission.Sha256);
        Assert.Equal(1, submission.Number);
        Assert.Equal(await Support.Personas.UserIdAsync(factory, DemoSeeder.PiEmail), submission.SubmittedByUserId);
        var snapshot = submission.Read();
        Assert.Equal("第1項依計畫執行。", snapshot.Sections[0].Fields.Single(f => f.Key == "narrative").Value);
        Assert.Equal("是", snapshot.Entries.Single(e => e.Id == counted).Fields.Single(f => f.Key == "counted").Value);
        Assert.Equal("否", snapshot.Entries.Single(e => e.Id == notCounted).Fields.Single(f => f.Key == "counted").Value);
        Assert.True(await factory.WithDbAsync(db => db.WorkflowEvents.AnyAsync(e =>
            e.ProjectId == projectId && e.ReportingPeriodId == periodId && e.Action == FormAction.Submit && e.ToState == FormState.Submitted)));

        var save = await PostAsync(pi, url, Complete().Set(Narrative(1), "送出後再改"));
        var savePage = Support.PortalClient.Parse(await save.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("資料已送出，無法再進行修改；如需修改請洽計畫辦公室退回。", savePage.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal("第1項依計畫執行。", (await FormAsync(factory, projectId, periodId))!.ItemOf(1)!.Narrative);

        await factory.WithDbAsync(async db =>
        {
            var member = await db.AllianceMembers.SingleAsync(m => m.Id == counted);
            member.CompanyName = "甲快照公司（更名）";
            member.UpdatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        var again = Assert.Single(await SubmissionsAsync(factory, projectId, periodId));
        Assert.Equal(submission.CanonicalJson, again.CanonicalJson);
        Assert.Equal(submission.Sha256, again.Sha256);
        Assert.True(again.IsIntact);
        Assert.DoesNotContain("更名", again.CanonicalJson, StringComparison.Ordinal);
    }
}
