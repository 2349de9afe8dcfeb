using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Workflow;
using static AllianceKpi.Domain.Tests.Workflow.Given;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>Saving and submitting only while the period is open: from its open date to its deadline or this project's 展延期限.</summary>
public sealed class FormWorkflowDeadlineTests
{
    private const string PastDeadline = "已超過繳交期限 2021/10/31，請洽計畫辦公室申請展延。";

    /// <summary>today, 展延期限, period state, the refusal (null: open).</summary>
    public static TheoryData<string, string?, ReportingPeriodState, string?> Days => new()
    {
        { "2021/01/31", null, ReportingPeriodState.Open, "本綜整表 2021/02/01 起開放填報。" },
        { "2021/02/01", null, ReportingPeriodState.Open, null },
        { "2021/10/31", null, ReportingPeriodState.Open, null },
        { "2021/11/01", null, ReportingPeriodState.Open, PastDeadline },
        { "2022/03/01", null, ReportingPeriodState.Open, PastDeadline },
        { "2021/11/01", "2021/11/15", ReportingPeriodState.Open, null },
        { "2021/11/15", "2021/11/15", ReportingPeriodState.Open, null },
        { "2021/11/16", "2021/11/15", ReportingPeriodState.Open, "展延期限 2021/11/15 已過，請洽計畫辦公室。" },
        { "2021/11/01", "2021/10/20", ReportingPeriodState.Open, PastDeadline },
        { "2021/06/01", null, ReportingPeriodState.Planned, "本綜整表尚未開放填報。" },
        { "2021/06/01", "2021/11/15", ReportingPeriodState.Planned, "本綜整表尚未開放填報。" },
        { "2021/06/01", null, ReportingPeriodState.Closed, "計畫辦公室已關閉本綜整表的填報，請洽計畫辦公室。" },
        { "2021/11/05", null, ReportingPeriodState.Closed, PastDeadline },
        { "2021/11/05", "2021/11/15", ReportingPeriodState.Closed, null },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void AssistantsSaveDraftsOnlyWhileThePeriodIsOpen(string today, string? extension, ReportingPeriodState periodState,
        string? refusal) =>
        Expect(FormAction.SaveDraft, Actor.Assistant, FormState.Draft, today, extension, periodState, refusal);

    [Theory]
    [MemberData(nameof(Days))]
    public void ThePiSavesReturnedFormsOnlyWhileThePeriodIsOpen(string today, string? extension, ReportingPeriodState periodState,
        string? refusal) =>
        Expect(FormAction.SaveDraft, Actor.Pi, FormState.Returned, today, extension, periodState, refusal);

    [Theory]
    [MemberData(nameof(Days))]
    public void ThePiSubmitsOnlyWhileThePeriodIsOpen(string today, string? extension, ReportingPeriodState periodState,
        string? refusal) =>
        Expect(FormAction.Submit, Actor.Pi, FormState.Draft, today, extension, periodState, refusal);

    [Theory]
    [MemberData(nameof(Days))]
    public void TheWindowSaysTheSameAsTheWorkflow(string today, string? extension, ReportingPeriodState periodState,
        string? refusal)
    {
        var window = Window(extension is null ? null : Day(extension), periodState);
        Assert.Equal(refusal, window.ClosedReason(Day(today)));
        Assert.Equal(refusal is null, window.IsOpenOn(Day(today)));
    }

    [Theory]
    [InlineData("2021/11/05")]
    [InlineData("2021/01/15")]
    public void TheOfficeAcceptsAndReopensWhateverTheDate(string today)
    {
        var accept = FormWorkflow.Decide(Context(FormState.Submitted, Actor.Office, Day(today)), WorkflowRequest.Accept);
        Assert.Equal(FormState.Accepted, accept.State);
        var reopen = FormWorkflow.Decide(Context(FormState.Accepted, Actor.Office, Day(today)),
            WorkflowRequest.Reopen("補件", Day("2021/12/31")));
        Assert.Equal(FormState.Returned, reopen.State);
    }

    [Fact]
    public void TheWindowOfAPeriodTakesItsDatesAndState()
    {
        var period = new ReportingPeriod
        {
            OpensOn = OpensOn, Deadline = Deadline, State = ReportingPeriodState.Closed,
        };
        var window = SubmissionWindow.Of(period, Day("2021/11/15"));
        Assert.Equal(Window(Day("2021/11/15"), ReportingPeriodState.Closed), window);
        Assert.Equal(Day("2021/11/15"), window.LastDay);
        Assert.Equal(Deadline, SubmissionWindow.Of(period).LastDay);
    }

    private static void Expect(FormAction action, Actor actor, FormState from, string today, string? extension,
        ReportingPeriodState periodState, string? refusal)
    {
        var window = Window(extension is null ? null : Day(extension), periodState);
        var decision = FormWorkflow.Decide(Context(from, actor, Day(today), window), new WorkflowRequest(action));
        Assert.Equal(refusal, decision.Refusal?.Message);
        Assert.Equal(refusal is null, FormWorkflow.Offers(Context(from, actor, Day(today), window)).Contains(action));
    }
}
