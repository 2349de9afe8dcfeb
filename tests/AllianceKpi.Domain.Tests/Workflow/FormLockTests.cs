using AllianceKpi.Domain.Workflow;
using static AllianceKpi.Domain.Tests.Workflow.Given;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>Whether the form and the period's 工作進度 entries are editable, and why not.</summary>
public sealed class FormLockTests
{
    /// <summary>state, today, 展延期限, the blocker (null: editable by the project).</summary>
    public static TheoryData<FormState, string, string?, string?> Cases => new()
    {
        { FormState.Draft, "2021/06/01", null, null },
        { FormState.Draft, "2021/10/31", null, null },
        { FormState.Draft, "2021/11/01", null, "已超過繳交期限 2021/10/31，請洽計畫辦公室申請展延。" },
        { FormState.Draft, "2021/11/01", "2021/11/15", null },
        { FormState.Draft, "2021/01/01", null, "本綜整表 2021/02/01 起開放填報。" },
        { FormState.Returned, "2021/06/01", null, null },
        { FormState.Returned, "2021/11/01", null, "已超過繳交期限 2021/10/31，請洽計畫辦公室申請展延。" },
        { FormState.Returned, "2021/11/10", "2021/11/15", null },
        { FormState.Returned, "2021/11/16", "2021/11/15", "展延期限 2021/11/15 已過，請洽計畫辦公室。" },
        { FormState.Submitted, "2021/06/01", null, "資料已送出，無法再進行修改；如需修改請洽計畫辦公室退回。" },
        { FormState.Submitted, "2021/11/10", "2021/11/15", "資料已送出，無法再進行修改；如需修改請洽計畫辦公室退回。" },
        { FormState.Accepted, "2021/06/01", null, "資料已由計畫辦公室確認，無法再進行修改；如需修改請洽計畫辦公室重新開放。" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFormAndItsEntriesLockWhenSubmittedAcceptedOrOutOfTime(FormState state, string today, string? extension,
        string? blocker)
    {
        var window = Window(extension is null ? null : Day(extension));
        Assert.Equal(blocker, FormWorkflow.EditBlocker(state, window, Day(today)));
        Assert.Equal(blocker is not null, FormWorkflow.IsLocked(state, window, Day(today)));
        Assert.Equal(blocker is null, FormWorkflow.CanEdit(Actor.Assistant, state, window, Day(today)));
        Assert.Equal(blocker is null, FormWorkflow.CanEdit(Actor.Pi, state, window, Day(today)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheOfficeNeverEditsTheProjectsContent(FormState state, string today, string? extension, string? blocker)
    {
        _ = blocker;
        Assert.False(FormWorkflow.CanEdit(Actor.Office, state, Window(extension is null ? null : Day(extension)), Day(today)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WhatIsLockedCannotBeSavedAndWhatIsOpenCan(FormState state, string today, string? extension, string? blocker)
    {
        var context = Context(state, Actor.Assistant, Day(today), Window(extension is null ? null : Day(extension)));
        Assert.Equal(blocker, FormWorkflow.Decide(context, WorkflowRequest.SaveDraft).Refusal?.Message);
    }
}
