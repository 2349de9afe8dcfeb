using System.Net;
using System.Security.Claims;
using System.Text.Json;
using AllianceKpi.Domain.Audit;
using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Evaluation;
using AllianceKpi.Web.Infrastructure.Views;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AllianceKpi.Web.Tests.Features.Evaluation.EvaluationTestData;

namespace AllianceKpi.Web.Tests.Features.Evaluation;

/// <summary>資料暫存 and autosave: nothing overwritten silently, files kept only with a successful save, an audit row per change.</summary>
public sealed class EvaluationSaveTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    [Fact]
    public async Task ASaveOverAnotherPersonsSaveShowsBothValuesAndMergesOnTheNextSave()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        await PostAsync(pi, url, new Dictionary<string, string> { [Narrative(1)] = "初稿", [DifferenceAnalysis(2)] = "相同內容" });
        var piOpened = VersionOn(await pi.GetPageAsync(url));

        var theirs = await PostAsync(assistant, url, new Dictionary<string, string> { [Narrative(1)] = "助理版本", [DifferenceAnalysis(2)] = "相同內容" });
        var mine = await PostAsync(pi, url, new Dictionary<string, string>
        {
            [Narrative(1)] = "主持人版本", [DifferenceAnalysis(2)] = "相同內容", ["Form.Version"] = piOpened,
        });
        var conflictPage = PortalClient.Parse(await mine.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var rows = conflictPage.QuerySelectorAll("[data-testid=conflict] tr[data-conflict-field]");
        var row = Assert.Single(rows);
        Assert.Equal(Narrative(1), row.GetAttribute("data-conflict-field"));
        Assert.Contains("主持人版本", row.TextContent);
        Assert.Contains("助理版本", row.TextContent);
        Assert.Equal("主持人版本", TextOf(conflictPage, "item1.narrative"));
        var stored = await FormAsync(factory, projectId, periodId);
        Assert.Equal("助理版本", stored!.ItemOf(1)!.Narrative);
        Assert.Equal(stored.Version.ToString(), VersionOn(conflictPage));

        var merged = await PostAsync(pi, url, new Dictionary<string, string>
        {
            [Narrative(1)] = "主持人與助理合併版本", [DifferenceAnalysis(2)] = "相同內容", ["Form.Version"] = VersionOn(conflictPage),
        });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("主持人與助理合併版本", (await FormAsync(factory, projectId, periodId))!.ItemOf(1)!.Narrative);
    }

    [Fact]
    public async Task ASaveOvertakenBetweenItsVersionCheckAndItsWriteIsAConflictAndKeepsNoFile()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        await PostAsync(assistant, url, new Dictionary<string, string> { [Narrative(1)] = "初稿" });
        var rowsBefore = await factory.WithDbAsync(db => db.Attachments.CountAsync());
        var filesBefore = ProgressTestData.StoredFiles(factory).Count;
        await using var scope = factory.Services.CreateAsyncScope();
        var (context, piId) = await PiContextAsync(scope, projectId, periodId);
        var input = EvaluationInput.From(context.Form);
        input.Item(1).Narrative = "較慢的版本";
        var pdf = ProgressTestData.Pdf();
        input.Item(3).Attachment = new FormFile(new MemoryStream(pdf), 0, pdf.Length, Attachment(3), "佐證.pdf");

        await PostAsync(assistant, url, new Dictionary<string, string> { [Narrative(1)] = "較快的版本" });
        var outcome = await SaveAsPiAsync(scope, new EvaluationSave(context, input, false, piId, true));

        Assert.Equal(EvaluationSaveResult.Conflict, outcome.Result);
        var conflict = Assert.Single(outcome.Conflicts!);
        Assert.Equal(("較慢的版本", "較快的版本"), (conflict.Mine, conflict.Theirs));
        var stored = await FormAsync(factory, projectId, periodId);
        Assert.Equal("較快的版本", stored!.ItemOf(1)!.Narrative);
        Assert.Equal(stored.Version, input.Version);
        Assert.Null(stored.ItemOf(3)?.AttachmentId);
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(filesBefore, ProgressTestData.StoredFiles(factory).Count);
    }

    [Fact]
    public async Task ADraftOvertakenBetweenItsVersionCheckAndItsWriteIsAConflictAndLeavesNoAuditRow()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        await PostAsync(assistant, url, new Dictionary<string, string> { [Narrative(1)] = "初稿" });
        await using var scope = factory.Services.CreateAsyncScope();
        var (context, piId) = await PiContextAsync(scope, projectId, periodId);
        var input = EvaluationInput.From(context.Form);
        input.Item(1).Narrative = "較慢的版本";

        await PostAsync(assistant, url, new Dictionary<string, string> { [Narrative(1)] = "較快的版本" });
        var outcome = await SaveAsPiAsync(scope, new EvaluationSave(context, input, false, piId, false));
        // The same database context's next save writes only its own row: the refused draft's row was not left tracked.
        var (later, _) = await PiContextAsync(scope, projectId, periodId);
        var next = EvaluationInput.From(later.Form);
        next.Item(1).Narrative = "合併後的版本";
        var merged = await SaveAsPiAsync(scope, new EvaluationSave(later, next, false, piId, false));

        Assert.Equal(EvaluationSaveResult.Conflict, outcome.Result);
        var conflict = Assert.Single(outcome.Conflicts!);
        Assert.Equal(("較慢的版本", "較快的版本"), (conflict.Mine, conflict.Theirs));
        Assert.Equal(EvaluationSaveResult.Saved, merged.Result);
        Assert.Equal("合併後的版本", (await FormAsync(factory, projectId, periodId))!.ItemOf(1)!.Narrative);
        var rows = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.EntityType == "EvaluationForm").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Added, AuditAction.Modified, AuditAction.Modified], rows.Select(r => r.Action));
        Assert.Equal([("初稿", "較快的版本"), ("較快的版本", "合併後的版本")],
            rows.Skip(1).Select(r => Assert.Single(AuditTrail.Read(r.Changes))).Select(ch => (ch.Before, ch.After)));
    }

    /// <summary>The PI's tracked 管考資料 context, loaded in <paramref name="scope"/> as a save handler would load it, and the PI's user id.</summary>
    private async Task<(EvaluationContext Context, string PiId)> PiContextAsync(AsyncServiceScope scope, int projectId, int periodId)
    {
        var piId = await Personas.UserIdAsync(factory, DemoSeeder.PiEmail);
        var pi = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, piId)], "test"));
        var context = await scope.ServiceProvider.GetRequiredService<EvaluationContextHandler>().LoadAsync(pi, projectId, periodId, true, default);
        return (context!, piId);
    }

    private static Task<EvaluationSaveOutcome> SaveAsPiAsync(AsyncServiceScope scope, EvaluationSave save) =>
        scope.ServiceProvider.GetRequiredService<EvaluationSaveHandler>().SaveAsync(save, new ModelStateDictionary(), default);

    [Fact]
    public async Task AutosaveAnswersTheNewVersionAndRefusesAStaleOneWith409()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var opened = VersionOn(await assistant.GetPageAsync(url));

        var first = await AutosaveAsync(assistant, url, new Dictionary<string, string>
        {
            [Narrative(2)] = "自動儲存的文字", ["Form.Masters"] = "4", ["Form.Version"] = opened,
        });
        var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var stale = await AutosaveAsync(assistant, url, new Dictionary<string, string>
        {
            [Narrative(2)] = "舊版本覆蓋", ["Form.Version"] = opened,
        });
        var bad = await AutosaveAsync(assistant, url, new Dictionary<string, string>
        {
            ["Form.Masters"] = "四位", ["Form.Version"] = json.GetProperty("version").GetString()!,
        });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("10:00", json.GetProperty("savedAt").GetString());
        var stored = await FormAsync(factory, projectId, periodId);
        Assert.Equal(stored!.Version.ToString(), json.GetProperty("version").GetString());
        Assert.Equal("自動儲存的文字", stored.ItemOf(2)!.Narrative);
        Assert.Equal(4, stored.Masters);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("請輸入 0 以上的整數", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal("自動儲存的文字", (await FormAsync(factory, projectId, periodId))!.ItemOf(2)!.Narrative);
    }

    [Fact]
    public async Task AnItemsAttachmentIsKeptWithTheSaveAndDownloads()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var content = ProgressTestData.Pdf();

        var saved = await PostAsync(assistant, url, new Dictionary<string, string> { [Narrative(3)] = "收入說明" }, "save",
            new ItemFile(3, "營運收入佐證.pdf", content));
        var page = await assistant.GetPageAsync(url);
        var link = page.QuerySelector("section[data-item='3'] [data-testid=current-attachment] a")!;
        var download = await assistant.GetAsync(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("營運收入佐證.pdf", link.TextContent);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        var attachmentId = (await FormAsync(factory, projectId, periodId))!.ItemOf(3)!.AttachmentId;
        Assert.Equal($"/projects/{projectId}/attachments/{attachmentId}", link.GetAttribute("href"));
        await Personas.EnsureAsync(factory);
        using var stranger = await factory.SignedInAsync(Personas.OtherAssistantEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(link.GetAttribute("href")!)).StatusCode);

        var replaced = await PostAsync(assistant, url, new Dictionary<string, string> { [Narrative(3)] = "收入說明" }, "save",
            new ItemFile(3, "新佐證.pdf", ProgressTestData.Pdf(2048)));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Attachments.AnyAsync(a => a.Id == attachmentId)));
    }

    [Fact]
    public async Task ARenamedExecutableIsRefusedNextToItsItemAndTheTypedTextIsKept()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var rowsBefore = await factory.WithDbAsync(db => db.Attachments.CountAsync());
        var filesBefore = ProgressTestData.StoredFiles(factory).Count;

        var response = await PostAsync(assistant, url, new Dictionary<string, string> { [Narrative(4)] = "技轉說明尚未存檔" }, "save",
            new ItemFile(4, "技轉合約.pdf", ProgressTestData.Exe()), new ItemFile(6, "產學合約.pdf", ProgressTestData.Pdf()));
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("檔案內容與副檔名不符", ErrorFor(page, Attachment(4)));
        Assert.Equal("請重新選擇檔案", ErrorFor(page, Attachment(6)));
        Assert.Equal("技轉說明尚未存檔", TextOf(page, "item4.narrative"));
        Assert.Null(await FormAsync(factory, projectId, periodId));
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(filesBefore, ProgressTestData.StoredFiles(factory).Count);
    }

    [Fact]
    public async Task EverySaveThatChangesSomethingWritesOneAuditRow()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        await PostAsync(pi, url, new Dictionary<string, string> { [Narrative(1)] = "第一版", ["Form.Masters"] = "2" });
        await PostAsync(pi, url, new Dictionary<string, string> { [Narrative(1)] = "第二版", ["Form.Masters"] = "2" });
        await PostAsync(pi, url, new Dictionary<string, string> { [Narrative(1)] = "第二版", ["Form.Masters"] = "2" });

        var rows = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.EntityType == "EvaluationForm").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Added, AuditAction.Modified], rows.Select(r => r.Action));
        var formId = (await FormAsync(factory, projectId, periodId))!.Id;
        Assert.All(rows, r => Assert.Equal(formId, r.EntityId));
        Assert.Equal(await Personas.UserIdAsync(factory, DemoSeeder.PiEmail), rows[1].UserId);
        var change = Assert.Single(AuditTrail.Read(rows[1].Changes));
        Assert.Equal(new AuditChange("1. 聯盟廠商會員家數／計畫執行達成狀況/其它", "第一版", "第二版"), change);
        Assert.Contains(AuditTrail.Read(rows[0].Changes), c => c is { Field: "10. 計畫核定研究生人數／碩士(人)", Before: null, After: "2" });
    }

    [Fact]
    public async Task AnAutosaveIsAuditedWithWhatChangedOnlyLikeASave()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await MembersAsync(projectId, periodId);
        var url = Url(projectId, periodId);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var first = await AutosaveAsync(assistant, url, new Dictionary<string, string>
        {
            [Narrative(1)] = "自動儲存一", ["Form.Masters"] = "3", ["Form.Version"] = VersionOn(await assistant.GetPageAsync(url)),
        });
        var version = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetString()!;
        var second = await AutosaveAsync(assistant, url, new Dictionary<string, string>
        {
            [Narrative(1)] = "自動儲存二", ["Form.Masters"] = "3", ["Form.Version"] = version,
        });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var rows = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.EntityType == "EvaluationForm").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Added, AuditAction.Modified], rows.Select(r => r.Action));
        // The autosave loads no entries and no figures (LoadForDraftAsync); the engine's figures of this alliance are not zero, so
        // a snapshot taken with them on one side only would list them here.
        Assert.Equal(new AuditChange("1. 聯盟廠商會員家數／計畫執行達成狀況/其它", "自動儲存一", "自動儲存二"), Assert.Single(AuditTrail.Read(rows[1].Changes)));
        Assert.DoesNotContain(AuditTrail.Read(rows[0].Changes), c => c.Field.Contains("累計", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AContextLoadedForADraftSaveGivesNoChecklistSnapshotOrSubmission()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await MembersAsync(projectId, periodId);
        var piId = await Personas.UserIdAsync(factory, DemoSeeder.PiEmail);
        var pi = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, piId)], "test"));
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<EvaluationContextHandler>();
        var full = (await handler.LoadAsync(pi, projectId, periodId, false, default))!;
        var draft = (await handler.LoadForDraftAsync(pi, projectId, periodId, default))!;

        Assert.True(full.HasFigures);
        Assert.NotEmpty(full.Progress.Entries.Members);
        Assert.NotEmpty(full.Checklist());
        Assert.False(draft.HasFigures);
        Assert.Equal(full.Actor, draft.Actor);
        Assert.Equal(full.Progress.Project.Id, draft.Progress.Project.Id);
        Assert.Empty(draft.Progress.Entries.Members);
        Assert.Throws<InvalidOperationException>(() => draft.Checklist());
        Assert.Throws<InvalidOperationException>(() => draft.Snapshot());
        var input = EvaluationInput.From(draft.Form);
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<EvaluationSaveHandler>()
            .SaveAsync(new EvaluationSave(draft, input, true, piId, false), new ModelStateDictionary(), default));
        Assert.Null(await FormAsync(factory, projectId, periodId));
    }

    [Fact]
    public async Task ANumberThatIsNotOneComesBackAsTypedWithItsMessage()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var response = await PostAsync(pi, url, new Dictionary<string, string>
        {
            ["Form.Doctorals"] = "兩位", ["Form.DerivedOutputValue"] = "12.5", [Narrative(5)] = "服務說明",
        });
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("兩位", TextOf(page, "item10.doctorals"));
        Assert.Equal("請輸入 0 以上的整數", ErrorFor(page, "Form.Doctorals"));
        Assert.Equal("金額須為不小於 0 的整數（單位為元）", ErrorFor(page, "Form.DerivedOutputValue"));
        Assert.Equal("服務說明", TextOf(page, "item5.narrative"));
        Assert.Null(await FormAsync(factory, projectId, periodId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("不是版本")]
    public async Task AnUnreadableHiddenVersionIsToldAboveTheFormOrInTheAutosavesAnswerAndNothingIsSaved(string version)
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = Url(projectId, periodId);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await PostAsync(pi, url, new Dictionary<string, string> { [Narrative(1)] = "已存的版本" });

        var response = await PostAsync(pi, url, new Dictionary<string, string> { [Narrative(1)] = "改過的文字", ["Form.Version"] = version });
        var autosave = await AutosaveAsync(pi, url, new Dictionary<string, string> { [Narrative(1)] = "自動儲存的文字", ["Form.Version"] = version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(UnreadableVersionFilter.Message, page.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal("改過的文字", TextOf(page, "item1.narrative"));
        Assert.Equal(HttpStatusCode.BadRequest, autosave.StatusCode);
        Assert.Equal(UnreadableVersionFilter.Message,
            JsonDocument.Parse(await autosave.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
        Assert.Equal("已存的版本", (await FormAsync(factory, projectId, periodId))!.ItemOf(1)!.Narrative);
    }

    /// <summary>Two members of the period, so that the engine's figures of the project are not zero.</summary>
    private async Task MembersAsync(int projectId, int periodId) => await factory.WithDbAsync(async db =>
    {
        db.AllianceMembers.Add(MemberTestData.Member(projectId, periodId, "甲精密公司"));
        db.AllianceMembers.Add(MemberTestData.Member(projectId, periodId, "乙材料公司"));
        await db.SaveChangesAsync();
    });
}
