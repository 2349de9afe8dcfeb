using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Web.Features.Office;

/// <summary>The zh-TW words for reporting periods' kinds and states (keys of the view localizer).</summary>
public static class PeriodLabels
{
    public static IReadOnlyList<ReportingPeriodKind> Kinds { get; } = Enum.GetValues<ReportingPeriodKind>();

    public static IReadOnlyList<ReportingPeriodState> States { get; } = Enum.GetValues<ReportingPeriodState>();

    public static string Kind(ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.ExpectedResults => "預期成果",
        ReportingPeriodKind.FirstReport => "第一次成果",
        ReportingPeriodKind.SecondReport => "第二次成果",
        ReportingPeriodKind.FinalReport => "期末報告",
        _ => kind.ToString(),
    };

    public static string State(ReportingPeriodState state) => state switch
    {
        ReportingPeriodState.Planned => "未開放",
        ReportingPeriodState.Open => "開放中",
        ReportingPeriodState.Closed => "已截止",
        _ => state.ToString(),
    };

    /// <summary>A note when an open period's dates do not let members report today.</summary>
    public static string? DateNote(ReportingPeriod period, DateOnly today) => period.State switch
    {
        ReportingPeriodState.Open when today > period.Deadline => "已過截止日，填報者無法修改",
        ReportingPeriodState.Open when today < period.OpensOn => $"{DateFormat.Show(period.OpensOn)} 起可填報",
        _ => null,
    };

    /// <summary>「剩 N 天」, 「今天截止」 or 「已逾期 N 天」.</summary>
    public static string DaysLeft(DateOnly deadline, DateOnly today)
    {
        var days = deadline.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "今天截止",
            > 0 => $"剩 {days} 天",
            _ => $"已逾期 {-days} 天",
        };
    }
}
