using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi;

/// <summary>Which entries a report counts.</summary>
public enum KpiView
{
    /// <summary>季: the entries tagged with one reporting period (members: those reported in it).</summary>
    Period = 1,

    /// <summary>累計: the entries tagged with the period or an earlier one of the same programme year (all of them when no period is given).</summary>
    Cumulative = 2,
}

/// <summary>A project's work-progress entries of every kind and every period; the engine picks those in scope.</summary>
public sealed class KpiEntries
{
    public IReadOnlyList<AllianceMember> Members { get; init; } = [];
    public IReadOnlyList<OperatingIncome> Incomes { get; init; } = [];
    public IReadOnlyList<CooperationProject> CooperationProjects { get; init; } = [];
    public IReadOnlyList<TechTransfer> TechTransfers { get; init; } = [];
    public IReadOnlyList<TechnicalService> TechnicalServices { get; init; } = [];
    public IReadOnlyList<PromotionActivity> PromotionActivities { get; init; } = [];
    public IReadOnlyList<MemberService> MemberServices { get; init; } = [];
    public IReadOnlyList<DerivedResult> DerivedResults { get; init; } = [];

    /// <summary>These entries with the lists of the other kinds left empty.</summary>
    public KpiEntries Only(IReadOnlySet<EntryKind> kinds) => new()
    {
        Members = kinds.Contains(EntryKind.Member) ? Members : [],
        Incomes = kinds.Contains(EntryKind.OperatingIncome) ? Incomes : [],
        CooperationProjects = kinds.Contains(EntryKind.CooperationProject) ? CooperationProjects : [],
        TechTransfers = kinds.Contains(EntryKind.TechTransfer) ? TechTransfers : [],
        TechnicalServices = kinds.Contains(EntryKind.TechnicalService) ? TechnicalServices : [],
        PromotionActivities = kinds.Contains(EntryKind.PromotionActivity) ? PromotionActivities : [],
        MemberServices = kinds.Contains(EntryKind.MemberService) ? MemberServices : [],
        DerivedResults = kinds.Contains(EntryKind.DerivedResult) ? DerivedResults : [],
    };

    public int Count =>
        Members.Count + Incomes.Count + CooperationProjects.Count + TechTransfers.Count + TechnicalServices.Count
        + PromotionActivities.Count + MemberServices.Count + DerivedResults.Count;
}

/// <summary>
/// Everything the engine needs, as values: the programme year's settings, its reporting periods, the view and
/// the project's entries. The engine reads nothing else (no clock, no database, no configuration).
/// </summary>
public sealed class KpiInput
{
    public required ProgrammeYear Year { get; init; }

    /// <summary>The programme year's reporting periods (any order; the engine orders them by kind, then deadline).</summary>
    public required IReadOnlyList<ReportingPeriod> Periods { get; init; }

    /// <summary>The period reported; null with <see cref="KpiView.Cumulative"/> means the whole execution.</summary>
    public ReportingPeriod? Period { get; init; }

    public KpiView View { get; init; } = KpiView.Period;

    public KpiEntries Entries { get; init; } = new();

    /// <summary>季綜整表: the entries of one period.</summary>
    public static KpiInput ForPeriod(ProgrammeYear year, IReadOnlyList<ReportingPeriod> periods, ReportingPeriod period, KpiEntries entries) =>
        new() { Year = year, Periods = periods, Period = period, View = KpiView.Period, Entries = entries };

    /// <summary>累計 up to and including a period.</summary>
    public static KpiInput CumulativeThrough(ProgrammeYear year, IReadOnlyList<ReportingPeriod> periods, ReportingPeriod period, KpiEntries entries) =>
        new() { Year = year, Periods = periods, Period = period, View = KpiView.Cumulative, Entries = entries };

    /// <summary>累計綜整表 over the whole execution: every reporting period of the year.</summary>
    public static KpiInput WholeExecution(ProgrammeYear year, IReadOnlyList<ReportingPeriod> periods, KpiEntries entries) =>
        new() { Year = year, Periods = periods, Period = null, View = KpiView.Cumulative, Entries = entries };
}
