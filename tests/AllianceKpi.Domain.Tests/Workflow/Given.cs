using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>The 2021 first report: open 2021/02/01, deadline 2021/10/31.</summary>
internal static class Given
{
    public static readonly DateOnly OpensOn = new(2021, 2, 1);
    public static readonly DateOnly Deadline = new(2021, 10, 31);
    public static readonly DateOnly MidYear = new(2021, 6, 1);

    public static DateOnly Day(string text) =>
        DateFormat.TryParse(text, out var day) ? day : throw new ArgumentException(text, nameof(text));

    public static SubmissionWindow Window(DateOnly? extendedUntil = null,
        ReportingPeriodState periodState = ReportingPeriodState.Open) =>
        new(OpensOn, Deadline, extendedUntil, periodState);

    public static WorkflowContext Context(FormState state, Actor actor, DateOnly? today = null, SubmissionWindow? window = null,
        int blockingIssues = 0) =>
        new(state, actor, today ?? MidYear, window ?? Window(), blockingIssues);

    public static WorkflowRequest ValidRequest(FormAction action) => action switch
    {
        FormAction.Return => WorkflowRequest.Return("附件看不出會計核章，請補上。"),
        FormAction.Reopen => WorkflowRequest.Reopen("會員合約日期有誤，請修正。"),
        FormAction.GrantExtension => WorkflowRequest.GrantExtension(Day("2021/11/15")),
        _ => new WorkflowRequest(action),
    };

    public sealed class Form : IWorkflowForm
    {
        public FormState State { get; set; }
        public DateOnly? ExtendedUntil { get; set; }
        public string? ReturnReason { get; set; }
    }
}
