using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Domain.Workflow;

/// <summary>
/// When a project may fill and submit a form: from the period's open date to its deadline, or to the 展延期限 the office
/// granted this project. Days are Taiwan's calendar days, inclusive; the caller passes today.
/// </summary>
public sealed record SubmissionWindow(
    DateOnly OpensOn,
    DateOnly Deadline,
    DateOnly? ExtendedUntil = null,
    ReportingPeriodState PeriodState = ReportingPeriodState.Open)
{
    public static SubmissionWindow Of(ReportingPeriod period, DateOnly? extendedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new(period.OpensOn, period.Deadline, extendedUntil, period.State);
    }

    /// <summary>Whether an extension later than the deadline applies.</summary>
    public bool IsExtended => ExtendedUntil is { } until && until > Deadline;

    /// <summary>The last day the project may still save and submit.</summary>
    public DateOnly LastDay => IsExtended ? ExtendedUntil!.Value : Deadline;

    public bool IsOpenOn(DateOnly today) => ClosedReason(today) is null;

    /// <summary>
    /// Why the project may not fill the form on <paramref name="today"/>, in zh-TW; null when it may. A period the office
    /// closed stays open to a project with a running extension: the extension is the office's word for that project.
    /// </summary>
    public string? ClosedReason(DateOnly today)
    {
        if (PeriodState == ReportingPeriodState.Planned)
        {
            return "本綜整表尚未開放填報。";
        }
        if (today < OpensOn)
        {
            return $"本綜整表 {DateFormat.Show(OpensOn)} 起開放填報。";
        }
        if (today > LastDay)
        {
            return IsExtended
                ? $"展延期限 {DateFormat.Show(LastDay)} 已過，請洽計畫辦公室。"
                : $"已超過繳交期限 {DateFormat.Show(Deadline)}，請洽計畫辦公室申請展延。";
        }
        if (PeriodState == ReportingPeriodState.Closed && !IsExtended)
        {
            return "計畫辦公室已關閉本綜整表的填報，請洽計畫辦公室。";
        }
        return null;
    }
}
