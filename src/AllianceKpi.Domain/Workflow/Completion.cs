namespace AllianceKpi.Domain.Workflow;

/// <summary>Where one project stands with one period's form, as the office's completion overview shows it.</summary>
public enum Completion
{
    /// <summary>未開始: the period is not open yet (planned, or before its open date).</summary>
    NotStarted = 0,

    /// <summary>未填寫: the window is open and nothing was saved yet.</summary>
    NotFilled = 1,

    /// <summary>草稿.</summary>
    Draft = 2,

    /// <summary>退回修改: to be submitted again.</summary>
    Returned = 3,

    /// <summary>已送出.</summary>
    Submitted = 4,

    /// <summary>已確認.</summary>
    Accepted = 5,

    /// <summary>逾期: the last day (the deadline, or the project's extension) has passed and the form was not handed in.</summary>
    Overdue = 6,
}

public static class Completions
{
    /// <summary>
    /// A handed-in form shows its state whatever the date; a planned period is 未開始; otherwise a passed last day (extension included) is 逾期, a window
    /// not yet open is 未開始, and an open window shows the form's state (未填寫 when none was saved).
    /// </summary>
    public static Completion Of(FormState? state, SubmissionWindow window, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (state is FormState.Submitted or FormState.Accepted)
        {
            return state == FormState.Submitted ? Completion.Submitted : Completion.Accepted;
        }
        if (window.PeriodState == Calendar.ReportingPeriodState.Planned)
        {
            return Completion.NotStarted;
        }
        if (today > window.LastDay)
        {
            return Completion.Overdue;
        }
        if (today < window.OpensOn)
        {
            return Completion.NotStarted;
        }
        return state switch
        {
            FormState.Draft => Completion.Draft,
            FormState.Returned => Completion.Returned,
            _ => Completion.NotFilled,
        };
    }

    public static string Label(this Completion completion) => completion switch
    {
        Completion.NotStarted => "未開始",
        Completion.NotFilled => "未填寫",
        Completion.Draft => "草稿",
        Completion.Returned => "退回修改",
        Completion.Submitted => "已送出",
        Completion.Accepted => "已確認",
        Completion.Overdue => "逾期",
        _ => completion.ToString(),
    };
}
