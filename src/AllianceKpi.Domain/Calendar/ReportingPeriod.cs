using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Calendar;

public enum ReportingPeriodKind
{
    ExpectedResults = 1,
    FirstReport = 2,
    SecondReport = 3,
    FinalReport = 4,
}

public enum ReportingPeriodState
{
    /// <summary>Prepared by the office, not yet visible for reporting.</summary>
    Planned = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>A 綜整表類別: one round of reporting within a programme year.</summary>
public class ReportingPeriod : IVersioned
{
    public int Id { get; set; }
    public int ProgrammeYearId { get; set; }
    public ProgrammeYear? ProgrammeYear { get; set; }
    public ReportingPeriodKind Kind { get; set; }
    public string Name { get; set; } = "";
    public DateOnly OpensOn { get; set; }
    public DateOnly Deadline { get; set; }
    public ReportingPeriodState State { get; set; }
    public Guid Version { get; set; }

    /// <summary>Whether project members may still change this period's forms on the given day (the office may always).</summary>
    public bool AcceptsReportsOn(DateOnly today) =>
        State == ReportingPeriodState.Open && today >= OpensOn && today <= Deadline;

    public static string StandardName(int year, ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.ExpectedResults => $"{year}年產學小聯盟預期成果綜整表",
        ReportingPeriodKind.FirstReport => $"{year}年產學小聯盟第一次(3)成果綜整表",
        ReportingPeriodKind.SecondReport => $"{year}年產學小聯盟第二次成果綜整表",
        ReportingPeriodKind.FinalReport => $"{year}年產學小聯盟期末報告",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The seed's standard deadlines: targets by 4/30, first report 10/31, second 1/31 next year, final 4/30 next year.</summary>
    public static DateOnly StandardDeadline(int year, ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.ExpectedResults => new DateOnly(year, 4, 30),
        ReportingPeriodKind.FirstReport => new DateOnly(year, 10, 31),
        ReportingPeriodKind.SecondReport => new DateOnly(year + 1, 1, 31),
        ReportingPeriodKind.FinalReport => new DateOnly(year + 1, 4, 30),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public IReadOnlyList<DomainViolation> Check()
    {
        var violations = new List<DomainViolation>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            violations.Add(new(nameof(Name), "請輸入綜整表名稱。"));
        }
        if (Deadline < OpensOn)
        {
            violations.Add(new(nameof(Deadline), $"截止日 {DateFormat.Show(Deadline)} 不可早於開放日 {DateFormat.Show(OpensOn)}。"));
        }
        return violations;
    }
}
