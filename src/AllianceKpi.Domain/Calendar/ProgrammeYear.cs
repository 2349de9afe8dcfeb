using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Calendar;

/// <summary>A programme year (e.g. 2021 = 民國110年) with the windows the office edits every year.</summary>
public class ProgrammeYear : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DateOnly ProjectStart { get; set; }
    public DateOnly ProjectEnd { get; set; }
    public DateOnly IncomeStart { get; set; }
    public DateOnly IncomeEnd { get; set; }
    public DateOnly CooperationStart { get; set; }
    public DateOnly CooperationEnd { get; set; }
    public DateOnly MemberCutoff { get; set; }
    public Guid Version { get; set; }
    public List<ReportingPeriod> Periods { get; set; } = [];

    public int RocYear => RocCalendar.ToRocYear(Year);

    /// <summary>計畫執行期間, e.g. 110.01.01 – 111.01.31.</summary>
    public DateRange ProjectWindow => new(ProjectStart, ProjectEnd);

    /// <summary>會計核定日期 window for operating income.</summary>
    public DateRange IncomeWindow => new(IncomeStart, IncomeEnd);

    /// <summary>Start window of derived cooperation projects.</summary>
    public DateRange CooperationStartWindow => new(CooperationStart, CooperationEnd);

    /// <summary>The tech-transfer signing window is the project window.</summary>
    public DateRange TechTransferWindow => ProjectWindow;

    /// <summary>The seed's 2021 settings shifted to another year: a sensible starting point for a new year.</summary>
    public static ProgrammeYear WithStandardWindows(int year) => new()
    {
        Year = year,
        ProjectStart = new DateOnly(year, 1, 1),
        ProjectEnd = new DateOnly(year + 1, 1, 31),
        IncomeStart = new DateOnly(year, 2, 1),
        IncomeEnd = new DateOnly(year + 1, 1, 31),
        CooperationStart = new DateOnly(year, 1, 1),
        CooperationEnd = new DateOnly(year + 1, 1, 31),
        MemberCutoff = new DateOnly(year, 10, 31),
    };

    public IReadOnlyList<DomainViolation> Check()
    {
        var violations = new List<DomainViolation>();
        if (Year is < 2000 or > 2200)
        {
            violations.Add(new(nameof(Year), "年度須介於 2000 與 2200 之間。"));
        }
        foreach (var (field, start, end, label) in new[]
                 {
                     (nameof(ProjectEnd), ProjectStart, ProjectEnd, "計畫執行期間"),
                     (nameof(IncomeEnd), IncomeStart, IncomeEnd, "營運收入會計核定日期"),
                     (nameof(CooperationEnd), CooperationStart, CooperationEnd, "產學合作計畫起始日期"),
                 })
        {
            if (end < start)
            {
                violations.Add(new(field, $"{label}的結束日 {DateFormat.Show(end)} 不可早於開始日 {DateFormat.Show(start)}。"));
            }
        }
        if (ProjectEnd >= ProjectStart && !ProjectWindow.Contains(MemberCutoff))
        {
            violations.Add(new(nameof(MemberCutoff), $"管考截止日 {DateFormat.Show(MemberCutoff)} 須落在計畫執行期間 {ProjectWindow} 內。"));
        }
        return violations;
    }
}
