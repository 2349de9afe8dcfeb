using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>The cockpit's cell of one project and period: window 2021/02/01–2021/10/31, extensions respected.</summary>
public sealed class CompletionTests
{
    private static readonly DateOnly Opens = new(2021, 2, 1);
    private static readonly DateOnly Deadline = new(2021, 10, 31);

    public static TheoryData<FormState?, string?, string, ReportingPeriodState, Completion> Cells => new()
    {
        { null, null, "2021/01/31", ReportingPeriodState.Open, Completion.NotStarted },
        { null, null, "2021/06/01", ReportingPeriodState.Planned, Completion.NotStarted },
        { null, null, "2021/12/01", ReportingPeriodState.Planned, Completion.NotStarted },
        { null, null, "2021/02/01", ReportingPeriodState.Open, Completion.NotFilled },
        { FormState.Draft, null, "2021/10/31", ReportingPeriodState.Open, Completion.Draft },
        { FormState.Returned, null, "2021/06/01", ReportingPeriodState.Open, Completion.Returned },
        { FormState.Submitted, null, "2021/12/01", ReportingPeriodState.Closed, Completion.Submitted },
        { FormState.Accepted, null, "2021/12/01", ReportingPeriodState.Closed, Completion.Accepted },
        { null, null, "2021/11/01", ReportingPeriodState.Open, Completion.Overdue },
        { FormState.Draft, null, "2021/11/01", ReportingPeriodState.Closed, Completion.Overdue },
        { FormState.Returned, null, "2021/11/01", ReportingPeriodState.Open, Completion.Overdue },
        { FormState.Draft, "2021/11/10", "2021/11/10", ReportingPeriodState.Open, Completion.Draft },
        { FormState.Draft, "2021/11/10", "2021/11/11", ReportingPeriodState.Open, Completion.Overdue },
        { FormState.Draft, "2021/10/01", "2021/10/31", ReportingPeriodState.Open, Completion.Draft },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void ACellShowsHandedInFormsThenOverdueThenTheWindowThenTheDraft(FormState? state, string? extendedUntil, string today,
        ReportingPeriodState periodState, Completion expected)
    {
        DateOnly? until = extendedUntil is null ? null : DateOnly.ParseExact(extendedUntil, "yyyy/MM/dd");
        var window = new SubmissionWindow(Opens, Deadline, until, periodState);

        Assert.Equal(expected, Completions.Of(state, window, DateOnly.ParseExact(today, "yyyy/MM/dd")));
    }

    [Fact]
    public void EveryCompletionHasAChineseLabel()
    {
        Assert.Equal(["未開始", "未填寫", "草稿", "退回修改", "已送出", "已確認", "逾期"], Enum.GetValues<Completion>().Select(c => c.Label()));
    }
}
