using AllianceKpi.Domain.Workflow;
using static AllianceKpi.Domain.Tests.Workflow.Given;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>Every action × actor × state while the period is open: the new state, or the refusal.</summary>
public sealed class FormWorkflowTransitionTests
{
    private const string OfficeDoesNotEdit = "計畫辦公室不修改計畫填報的資料；如需修改，請退回由計畫修改。";
    private const string SubmittedIsLocked = "資料已送出，無法再進行修改；如需修改請洽計畫辦公室退回。";
    private const string AcceptedIsLocked = "資料已由計畫辦公室確認，無法再進行修改；如需修改請洽計畫辦公室重新開放。";
    private const string PiOnly = "僅計畫主持人可確定送出。";

    /// <summary>action, actor, from, to (null: refused), the refusal.</summary>
    public static TheoryData<FormAction, Actor, FormState, FormState?, string?> Table => new()
    {
        // 資料暫存: assistants and the PI, while not locked; never the office.
        { FormAction.SaveDraft, Actor.Assistant, FormState.Draft, FormState.Draft, null },
        { FormAction.SaveDraft, Actor.Assistant, FormState.Submitted, null, SubmittedIsLocked },
        { FormAction.SaveDraft, Actor.Assistant, FormState.Returned, FormState.Returned, null },
        { FormAction.SaveDraft, Actor.Assistant, FormState.Accepted, null, AcceptedIsLocked },
        { FormAction.SaveDraft, Actor.Pi, FormState.Draft, FormState.Draft, null },
        { FormAction.SaveDraft, Actor.Pi, FormState.Submitted, null, SubmittedIsLocked },
        { FormAction.SaveDraft, Actor.Pi, FormState.Returned, FormState.Returned, null },
        { FormAction.SaveDraft, Actor.Pi, FormState.Accepted, null, AcceptedIsLocked },
        { FormAction.SaveDraft, Actor.Office, FormState.Draft, null, OfficeDoesNotEdit },
        { FormAction.SaveDraft, Actor.Office, FormState.Submitted, null, OfficeDoesNotEdit },
        { FormAction.SaveDraft, Actor.Office, FormState.Returned, null, OfficeDoesNotEdit },
        { FormAction.SaveDraft, Actor.Office, FormState.Accepted, null, OfficeDoesNotEdit },

        // 確定送出: the PI only, from 草稿 or 退回修改.
        { FormAction.Submit, Actor.Assistant, FormState.Draft, null, PiOnly },
        { FormAction.Submit, Actor.Assistant, FormState.Submitted, null, PiOnly },
        { FormAction.Submit, Actor.Assistant, FormState.Returned, null, PiOnly },
        { FormAction.Submit, Actor.Assistant, FormState.Accepted, null, PiOnly },
        { FormAction.Submit, Actor.Pi, FormState.Draft, FormState.Submitted, null },
        { FormAction.Submit, Actor.Pi, FormState.Submitted, null, "資料已送出，請勿重複送出。" },
        { FormAction.Submit, Actor.Pi, FormState.Returned, FormState.Submitted, null },
        { FormAction.Submit, Actor.Pi, FormState.Accepted, null, AcceptedIsLocked },
        { FormAction.Submit, Actor.Office, FormState.Draft, null, PiOnly },
        { FormAction.Submit, Actor.Office, FormState.Submitted, null, PiOnly },
        { FormAction.Submit, Actor.Office, FormState.Returned, null, PiOnly },
        { FormAction.Submit, Actor.Office, FormState.Accepted, null, PiOnly },

        // 退回修改: the office, from 已送出.
        { FormAction.Return, Actor.Assistant, FormState.Draft, null, "僅計畫辦公室可退回修改。" },
        { FormAction.Return, Actor.Assistant, FormState.Submitted, null, "僅計畫辦公室可退回修改。" },
        { FormAction.Return, Actor.Assistant, FormState.Returned, null, "僅計畫辦公室可退回修改。" },
        { FormAction.Return, Actor.Assistant, FormState.Accepted, null, "僅計畫辦公室可退回修改。" },
        { FormAction.Return, Actor.Pi, FormState.Draft, null, "僅計畫辦公室可退回修改。" },
        { FormAction.Return, Actor.Pi, FormState.Submitted, null, "僅計畫辦公室可退回修改。" },
        { FormAction.Return, Actor.Pi, FormState.Returned, null, "僅計畫辦公室可退回修改。" },
        { FormAction.Return, Actor.Pi, FormState.Accepted, null, "僅計畫辦公室可退回修改。" },
        { FormAction.Return, Actor.Office, FormState.Draft, null, "目前狀態為「草稿」，只有「已送出」的資料可以退回修改。" },
        { FormAction.Return, Actor.Office, FormState.Submitted, FormState.Returned, null },
        { FormAction.Return, Actor.Office, FormState.Returned, null, "目前狀態為「退回修改」，只有「已送出」的資料可以退回修改。" },
        { FormAction.Return, Actor.Office, FormState.Accepted, null, "目前狀態為「已確認」，只有「已送出」的資料可以退回修改。" },

        // 確認: the office, from 已送出.
        { FormAction.Accept, Actor.Assistant, FormState.Draft, null, "僅計畫辦公室可確認。" },
        { FormAction.Accept, Actor.Assistant, FormState.Submitted, null, "僅計畫辦公室可確認。" },
        { FormAction.Accept, Actor.Assistant, FormState.Returned, null, "僅計畫辦公室可確認。" },
        { FormAction.Accept, Actor.Assistant, FormState.Accepted, null, "僅計畫辦公室可確認。" },
        { FormAction.Accept, Actor.Pi, FormState.Draft, null, "僅計畫辦公室可確認。" },
        { FormAction.Accept, Actor.Pi, FormState.Submitted, null, "僅計畫辦公室可確認。" },
        { FormAction.Accept, Actor.Pi, FormState.Returned, null, "僅計畫辦公室可確認。" },
        { FormAction.Accept, Actor.Pi, FormState.Accepted, null, "僅計畫辦公室可確認。" },
        { FormAction.Accept, Actor.Office, FormState.Draft, null, "目前狀態為「草稿」，只有「已送出」的資料可以確認。" },
        { FormAction.Accept, Actor.Office, FormState.Submitted, FormState.Accepted, null },
        { FormAction.Accept, Actor.Office, FormState.Returned, null, "目前狀態為「退回修改」，只有「已送出」的資料可以確認。" },
        { FormAction.Accept, Actor.Office, FormState.Accepted, null, "目前狀態為「已確認」，只有「已送出」的資料可以確認。" },

        // 重新開放: the office, from 已送出 or 已確認, back to 退回修改.
        { FormAction.Reopen, Actor.Assistant, FormState.Draft, null, "僅計畫辦公室可重新開放。" },
        { FormAction.Reopen, Actor.Assistant, FormState.Submitted, null, "僅計畫辦公室可重新開放。" },
        { FormAction.Reopen, Actor.Assistant, FormState.Returned, null, "僅計畫辦公室可重新開放。" },
        { FormAction.Reopen, Actor.Assistant, FormState.Accepted, null, "僅計畫辦公室可重新開放。" },
        { FormAction.Reopen, Actor.Pi, FormState.Draft, null, "僅計畫辦公室可重新開放。" },
        { FormAction.Reopen, Actor.Pi, FormState.Submitted, null, "僅計畫辦公室可重新開放。" },
        { FormAction.Reopen, Actor.Pi, FormState.Returned, null, "僅計畫辦公室可重新開放。" },
        { FormAction.Reopen, Actor.Pi, FormState.Accepted, null, "僅計畫辦公室可重新開放。" },
        { FormAction.Reopen, Actor.Office, FormState.Draft, null, "目前狀態為「草稿」，只有「已送出」或「已確認」的資料可以重新開放。" },
        { FormAction.Reopen, Actor.Office, FormState.Submitted, FormState.Returned, null },
        { FormAction.Reopen, Actor.Office, FormState.Returned, null, "目前狀態為「退回修改」，只有「已送出」或「已確認」的資料可以重新開放。" },
        { FormAction.Reopen, Actor.Office, FormState.Accepted, FormState.Returned, null },

        // 展延: the office, while the project still has to submit; the state stays.
        { FormAction.GrantExtension, Actor.Assistant, FormState.Draft, null, "僅計畫辦公室可核准展延。" },
        { FormAction.GrantExtension, Actor.Assistant, FormState.Submitted, null, "僅計畫辦公室可核准展延。" },
        { FormAction.GrantExtension, Actor.Assistant, FormState.Returned, null, "僅計畫辦公室可核准展延。" },
        { FormAction.GrantExtension, Actor.Assistant, FormState.Accepted, null, "僅計畫辦公室可核准展延。" },
        { FormAction.GrantExtension, Actor.Pi, FormState.Draft, null, "僅計畫辦公室可核准展延。" },
        { FormAction.GrantExtension, Actor.Pi, FormState.Submitted, null, "僅計畫辦公室可核准展延。" },
        { FormAction.GrantExtension, Actor.Pi, FormState.Returned, null, "僅計畫辦公室可核准展延。" },
        { FormAction.GrantExtension, Actor.Pi, FormState.Accepted, null, "僅計畫辦公室可核准展延。" },
        { FormAction.GrantExtension, Actor.Office, FormState.Draft, FormState.Draft, null },
        { FormAction.GrantExtension, Actor.Office, FormState.Submitted, null, "目前狀態為「已送出」，資料已送出，無需展延。" },
        { FormAction.GrantExtension, Actor.Office, FormState.Returned, FormState.Returned, null },
        { FormAction.GrantExtension, Actor.Office, FormState.Accepted, null, "目前狀態為「已確認」，資料已送出，無需展延。" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EachActorMayDoWhatTheTableSaysAndIsToldWhyNot(FormAction action, Actor actor, FormState from,
        FormState? to, string? refusal)
    {
        var decision = FormWorkflow.Decide(Context(from, actor), ValidRequest(action));
        if (to is { } expected)
        {
            Assert.True(decision.Allowed, decision.ToString());
            Assert.Equal(expected, decision.State);
        }
        else
        {
            Assert.False(decision.Allowed);
            Assert.Equal(from, decision.State);
            Assert.Equal(refusal, decision.Refusal!.Message);
            Assert.Equal(WorkflowFields.Form, decision.Refusal.Field);
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void TheButtonsOfferedAreExactlyTheAllowedActions(FormAction action, Actor actor, FormState from,
        FormState? to, string? refusal)
    {
        _ = refusal;
        Assert.Equal(to is not null, FormWorkflow.Offers(Context(from, actor)).Contains(action));
    }

    [Fact]
    public void TheTableCoversEveryActionActorAndState()
    {
        var rows = Table.Select(row => ((FormAction)row[0], (Actor)row[1], (FormState)row[2])).ToHashSet();
        Assert.Equal(Enum.GetValues<FormAction>().Length * Enum.GetValues<Actor>().Length * Enum.GetValues<FormState>().Length,
            rows.Count);
    }

    [Theory]
    [InlineData(FormState.Draft)]
    [InlineData(FormState.Returned)]
    public void ThePiCannotSubmitWhileTheChecklistHasBlockingItems(FormState from)
    {
        var decision = FormWorkflow.Decide(Context(from, Actor.Pi, blockingIssues: 2), WorkflowRequest.Submit);
        Assert.False(decision.Allowed);
        Assert.Equal("送出前檢查尚有 2 項須修正，請修正後再確定送出。", decision.Refusal!.Message);
        Assert.Contains(FormAction.Submit, FormWorkflow.Offers(Context(from, Actor.Pi, blockingIssues: 2)));
    }

    [Theory]
    [InlineData(Actor.Assistant)]
    [InlineData(Actor.Pi)]
    public void DraftsAreSavedEvenWithBlockingItems(Actor actor) =>
        Assert.True(FormWorkflow.Decide(Context(FormState.Draft, actor, blockingIssues: 5), WorkflowRequest.SaveDraft).Allowed);

    [Fact]
    public void StateLabelsAreTheProgrammesWords()
    {
        Assert.Equal(["草稿", "已送出", "退回修改", "已確認"], Enum.GetValues<FormState>().Select(s => s.Label()));
        Assert.Equal(["資料暫存", "確定送出", "退回修改", "確認", "重新開放", "展延"], Enum.GetValues<FormAction>().Select(a => a.Label()));
        Assert.Equal(["計畫助理", "計畫主持人", "計畫辦公室"], Enum.GetValues<Actor>().Select(a => a.Label()));
    }
}
