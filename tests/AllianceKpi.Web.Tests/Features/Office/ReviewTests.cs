using System.Net;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Evaluation;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>審查送出資料 before the first report's deadline: the list, 確認, 退回修改 with a reason that reaches the PI, versions and their diff.</summary>
public sealed class ReviewTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    /// <summary>A project's 管考資料 of the first report as the PI submitted it (version n with one narrative).</summary>
    internal static async Task SubmitAsync(PortalFactory factory, int projectId, int periodId, string narrative, int number = 1)
    {
        var piId = await Personas.UserIdAsync(factory, DemoSeeder.PiEmail);
        await factory.WithDbAsync(async db =>
        {
            var form = await db.EvaluationForms.FirstOrDefaultAsync(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId);
            if (form is null)
            {
                form = new EvaluationForm { ProjectId = projectId, ReportingPeriodId = periodId };
                db.EvaluationForms.Add(form);
            }
            form.State = FormState.Submitted;
            var snapshot = new Snapshot(FormKind.Evaluation, projectId, periodId,
                [new SnapshotSection("item1", "1. 聯盟廠商會員家數", [new SnapshotField("narrative", "計畫執行達成狀況/其它", narrative)])], []);
            db.FormSubmissions.Add(FormSubmission.Record(snapshot, number, piId, new DateTime(2021, 5, 31, 2, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });
    }

    private static string Review(int projectId, int periodId) => $"/office/review/evaluation/{projectId}/{periodId}";

    [Fact]
    public async Task TheListShowsEveryProjectWithItsStateAndFiltersByIt()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        await SubmitAsync(factory, people.OtherProjectId, periodId, "他案已送出");
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var all = await office.GetPageAsync($"/office/review?periodId={periodId}");
        var submitted = await office.GetPageAsync($"/office/review?periodId={periodId}&state=Submitted");

        Assert.Equal("已送出", all.QuerySelector($"tr[data-project='{Personas.OtherProjectNumber}'] [data-testid=state]")!.TextContent);
        Assert.NotNull(all.QuerySelector($"tr[data-project='{DemoSeeder.ProjectNumber}']"));
        Assert.Contains("2021/05/31 10:00", all.QuerySelector($"tr[data-project='{Personas.OtherProjectNumber}']")!.TextContent);
        Assert.Contains("還有 152 天", all.QuerySelector("[data-testid=deadline-info]")!.TextContent);
        Assert.NotNull(submitted.QuerySelector($"tr[data-project='{Personas.OtherProjectNumber}']"));
        Assert.Null(submitted.QuerySelector($"tr[data-project='{DemoSeeder.ProjectNumber}']"));
    }

    [Fact]
    public async Task AReturnWithAReasonUnlocksTheFormTellsThePiAndIsKeptInTheHistory()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        await SubmitAsync(factory, people.DemoProjectId, periodId, "第一版說明");
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = Review(people.DemoProjectId, periodId);

        var empty = await office.PostFormAsync($"{url}/return", new { Reason = "" }, url);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var response = await office.PostFormAsync($"{url}/return", new { Reason = "會員家數說明不足，請補充。" }, url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var form = await factory.WithDbAsync(db => db.EvaluationForms.AsNoTracking().SingleAsync(f => f.ProjectId == people.DemoProjectId && f.ReportingPeriodId == periodId));
        Assert.Equal(FormState.Returned, form.State);
        Assert.Equal("會員家數說明不足，請補充。", form.ReturnReason);
        var submission = await factory.WithDbAsync(db => db.FormSubmissions.AsNoTracking().SingleAsync(s => s.ProjectId == people.DemoProjectId && s.ReportingPeriodId == periodId));
        Assert.Equal(FormState.Returned, submission.State);
        Assert.True(submission.IsIntact);
        var mail = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.To == DemoSeeder.PiEmail && m.Subject.Contains("退回修改")).ToListAsync());
        Assert.Contains(mail, m => m.Body.Contains("會員家數說明不足") && m.Link!.EndsWith($"/projects/{people.DemoProjectId}/evaluation/{periodId}"));
        var page = await office.GetPageAsync(url);
        Assert.Contains("會員家數說明不足，請補充。", page.QuerySelector("[data-testid=workflow-history]")!.TextContent);
        Assert.Equal("退回修改", page.QuerySelector("[data-testid=form-state]")!.TextContent);

        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var home = await pi.GetPageAsync("/");
        var notice = home.QuerySelector("[data-testid=returned-forms]")!;
        Assert.Contains("會員家數說明不足，請補充。", notice.TextContent);
        Assert.Equal($"/projects/{people.DemoProjectId}/evaluation/{periodId}", notice.QuerySelector("a")!.GetAttribute("href"));
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);
        Assert.DoesNotContain("會員家數說明不足", (await otherPi.GetPageAsync("/")).Body!.TextContent);
        var flash = await AddAsync(pi, people.DemoProjectId, periodId, Company("退回後補登公司"));
        Assert.StartsWith("已儲存", flash);
    }

    [Fact]
    public async Task TheSecondVersionComparesFieldByFieldWithTheFirst()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory, Domain.Calendar.ReportingPeriodKind.SecondReport);
        await SubmitAsync(factory, people.OtherProjectId, periodId, "會員 3 家");
        await SubmitAsync(factory, people.OtherProjectId, periodId, "會員 5 家，已補充說明", number: 2);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var page = await office.GetPageAsync($"/projects/{people.OtherProjectId}/submissions/evaluation/{periodId}?version=2&compare=1");

        var row = page.QuerySelector("[data-testid=diff] tr[data-path='item1.narrative']")!;
        Assert.Contains("會員 3 家", row.TextContent);
        Assert.Contains("會員 5 家，已補充說明", row.TextContent);
        Assert.Equal("會員 5 家，已補充說明", page.QuerySelector("[data-testid=snapshot] [data-field='item1.narrative']")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=version-1]"));
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await assistant.GetAsync($"/projects/{people.OtherProjectId}/submissions/evaluation/{periodId}")).StatusCode);
    }

    [Fact]
    public async Task ThePiOpensAnEarlierVersionAndTheDiffButAnotherProjectsAssistantMayNot()
    {
        await Personas.EnsureAsync(factory);
        var projectId = await Evaluation.EvaluationTestData.ProjectAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        await SubmitAsync(factory, projectId, periodId, "會員 2 家");
        await SubmitAsync(factory, projectId, periodId, "會員 4 家，已補充說明", number: 2);
        var versions = $"/projects/{projectId}/submissions/evaluation/{periodId}";
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var latest = await pi.GetPageAsync(versions);
        var diff = await pi.GetPageAsync($"{versions}?version=2&compare=1");
        var earlier = await pi.GetPageAsync($"{versions}?version=1");

        Assert.Equal("會員 4 家，已補充說明", latest.QuerySelector("[data-testid=snapshot] [data-field='item1.narrative']")!.TextContent);
        Assert.Equal($"{versions}?version=2&compare=1", latest.QuerySelector("[data-testid=compare-1]")!.GetAttribute("href"));
        var row = diff.QuerySelector("[data-testid=diff] tr[data-path='item1.narrative']")!;
        Assert.Equal(("會員 2 家", "會員 4 家，已補充說明"), (row.QuerySelectorAll("td")[0].TextContent, row.QuerySelectorAll("td")[1].TextContent));
        Assert.Equal("會員 2 家", earlier.QuerySelector("[data-testid=snapshot] [data-field='item1.narrative']")!.TextContent);
        Assert.Null(earlier.QuerySelector("[data-testid=diff]"));
        using var otherAssistant = await factory.SignedInAsync(Personas.OtherAssistantEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAssistant.GetAsync($"{versions}?version=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAssistant.GetAsync($"{versions}?version=2&compare=1")).StatusCode);
    }

    [Fact]
    public async Task AcceptingLocksTheFormAndAPiCannotReachTheReviewPages()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory, Domain.Calendar.ReportingPeriodKind.SecondReport);
        await SubmitAsync(factory, people.DemoProjectId, periodId, "第二次說明");
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Review(people.DemoProjectId, periodId);

        Assert.Equal(HttpStatusCode.Forbidden, (await pi.GetAsync(url)).StatusCode);
        var accepted = await office.PostFormAsync($"{url}/accept", new { }, url);
        var again = await office.PostFormAsync($"{url}/accept", new { }, url);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(FormState.Accepted, await factory.WithDbAsync(db => db.EvaluationForms.Where(f => f.ProjectId == people.DemoProjectId && f.ReportingPeriodId == periodId).Select(f => f.State).SingleAsync()));
    }

    [Fact]
    public async Task TheListShowsEachProjectsFiguresAgainstItsTargetsWithTheAchievementRate()
    {
        var projectId = await Evaluation.EvaluationTestData.ProjectAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        await Evaluation.EvaluationTestData.ExpectedResultsAsync(factory, projectId, FormState.Submitted, t =>
        {
            t.CompanyMembers = 4;
            t.MembershipFeeIncome = 100m;
            t.TechnicalServiceIncome = 50m;
        });
        var number = await factory.WithDbAsync(async db =>
        {
            db.AllianceMembers.Add(Member(projectId, periodId, "列表甲公司"));
            await db.SaveChangesAsync();
            return await db.Projects.Where(p => p.Id == projectId).Select(p => p.Number).SingleAsync();
        });
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var page = await office.GetPageAsync($"/office/review?periodId={periodId}");

        var figures = page.QuerySelector($"tr[data-project='{number}']")!.TextContent;
        Assert.Contains("廠商會員(家)：1／4（25.0%）", figures);
        Assert.Contains("營運收入(仟元)：0／150（0.0%）", figures);
        Assert.Contains("產學合作(仟元)：0／—（—）", figures);
    }

    [Fact]
    public async Task ReopeningAnAcceptedFormNeedsAReasonUnlocksItForThePiRecordsWhoAndWhyAndMailsThePi()
    {
        var projectId = await Evaluation.EvaluationTestData.ProjectAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        await Evaluation.EvaluationTestData.ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        await SubmitAsync(factory, projectId, periodId, "已確認的說明");
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Review(projectId, periodId);
        var formUrl = Evaluation.EvaluationTestData.Url(projectId, periodId);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"{url}/accept", new { }, url)).StatusCode);
        var lockedSave = await Evaluation.EvaluationTestData.PostAsync(pi, formUrl, Evaluation.EvaluationTestData.Complete());
        Assert.Equal(HttpStatusCode.OK, lockedSave.StatusCode);

        var noReason = await office.PostFormAsync($"{url}/reopen", new { Reason = " " }, url);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Equal(FormState.Accepted, await factory.WithDbAsync(db => db.EvaluationForms.Where(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId).Select(f => f.State).SingleAsync()));
        var reopened = await office.PostFormAsync($"{url}/reopen", new { Reason = "合作金額需更正，重新開放修改。" }, url);

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var form = await factory.WithDbAsync(db => db.EvaluationForms.AsNoTracking().SingleAsync(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId));
        Assert.Equal(FormState.Returned, form.State);
        Assert.Equal("合作金額需更正，重新開放修改。", form.ReturnReason);
        var officeId = await Personas.UserIdAsync(factory, DemoSeeder.OfficeEmail);
        var reopenEvent = await factory.WithDbAsync(db => db.WorkflowEvents.AsNoTracking()
            .SingleAsync(e => e.ProjectId == projectId && e.ReportingPeriodId == periodId && e.Action == FormAction.Reopen));
        Assert.Equal((FormState.Accepted, FormState.Returned, officeId, "合作金額需更正，重新開放修改。"),
            (reopenEvent.FromState, reopenEvent.ToState, reopenEvent.UserId, reopenEvent.Reason));
        var mail = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.To == DemoSeeder.PiEmail && m.Subject.Contains("重新開放")).ToListAsync());
        Assert.Contains(mail, m => m.Body.Contains("合作金額需更正") && m.Link!.EndsWith(formUrl, StringComparison.Ordinal));
        Assert.Contains("合作金額需更正，重新開放修改。", (await office.GetPageAsync(url)).QuerySelector("[data-testid=workflow-history]")!.TextContent);

        var saved = await Evaluation.EvaluationTestData.PostAsync(pi, formUrl,
            Evaluation.EvaluationTestData.Complete().Set(Evaluation.EvaluationTestData.Narrative(1), "重新開放後更正"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("重新開放後更正", (await Evaluation.EvaluationTestData.FormAsync(factory, projectId, periodId))!.ItemOf(1)!.Narrative);
        Assert.Contains("合作金額需更正，重新開放修改。", (await pi.GetPageAsync("/")).QuerySelector("[data-testid=returned-forms]")!.TextContent);
    }
}

/// <summary>After the first report's deadline (2021/11/05): a return needs a 展延期限; 展延 lets one project fill in again.</summary>
public sealed class ReviewAfterDeadlineTests(AfterDeadlineFactory factory) : IClassFixture<AfterDeadlineFactory>
{
    [Fact]
    public async Task AReturnAfterTheDeadlineNeedsANewDateAndThenThePiMayEditUntilThen()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        await ReviewTests.SubmitAsync(factory, people.DemoProjectId, periodId, "逾期送出");
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"/office/review/evaluation/{people.DemoProjectId}/{periodId}";

        var refused = await office.PostFormAsync($"{url}/return", new { Reason = "請補件" }, url);
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("退回時請一併指定展延期限", page.QuerySelector("[data-testid=action-return]")!.TextContent);
        var badDate = await office.PostFormAsync($"{url}/return", new { Reason = "請補件", ExtendUntil = "11月20日" }, url);
        Assert.Contains("2021/11/15 的格式", PortalClient.Parse(await badDate.Content.ReadAsStringAsync()).QuerySelector("[data-testid=action-return]")!.TextContent);

        var ok = await office.PostFormAsync($"{url}/return", new { Reason = "請補件", ExtendUntil = "2021/11/20" }, url);

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        Assert.StartsWith("已儲存", await AddAsync(pi, people.DemoProjectId, periodId, Company("退回展延補登公司")));
    }

    [Fact]
    public async Task AnExtensionForAProjectThatNeverOpenedItsFormNeedsAReasonAndOpensItsEntries()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"/office/review/evaluation/{people.OtherProjectId}/{periodId}";

        var noReason = await office.PostFormAsync($"{url}/extend", new { ExtendUntil = "2021/11/30" }, url);
        Assert.Contains("請說明展延原因。", PortalClient.Parse(await noReason.Content.ReadAsStringAsync()).QuerySelector("[data-testid=action-extend]")!.TextContent);
        var ok = await office.PostFormAsync($"{url}/extend", new { ExtendUntil = "2021/11/30", Reason = "主持人住院" }, url);

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var extended = await office.GetPageAsync($"/office/review?periodId={periodId}&due=extended");
        var overdue = await office.GetPageAsync($"/office/review?periodId={periodId}&due=overdue");
        Assert.NotNull(extended.QuerySelector($"tr[data-project='{Personas.OtherProjectNumber}']"));
        Assert.Null(overdue.QuerySelector($"tr[data-project='{Personas.OtherProjectNumber}']"));
        Assert.All(overdue.QuerySelectorAll("[data-testid=review-rows] tbody tr"), row => Assert.NotNull(row.QuerySelector("[data-testid=overdue]")));
        var events = await factory.WithDbAsync(db => db.WorkflowEvents.AsNoTracking().Where(e => e.ProjectId == people.OtherProjectId).ToListAsync());
        var officeId = await Personas.UserIdAsync(factory, DemoSeeder.OfficeEmail);
        Assert.Contains(events, e => e.Action == FormAction.GrantExtension && e.Reason == "主持人住院" && e.UserId == officeId
                                     && e.ExtendedUntil == new DateOnly(2021, 11, 30));
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);
        Assert.StartsWith("已儲存", await AddAsync(otherPi, people.OtherProjectId, periodId, Company("展延補登公司")));
    }
}
