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
public sealed record KpiEntries
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

    /// <summary>The kind of the entries of a <see cref="ProgressEntry"/> type.</summary>
    public static EntryKind KindOf(Type entryType) =>
        entryType == typeof(AllianceMember) ? EntryKind.Member
        : entryType == typeof(OperatingIncome) ? EntryKind.OperatingIncome
        : entryType == typeof(CooperationProject) ? EntryKind.CooperationProject
        : entryType == typeof(TechTransfer) ? EntryKind.TechTransfer
        : entryType == typeof(TechnicalService) ? EntryKind.TechnicalService
        : entryType == typeof(PromotionActivity) ? EntryKind.PromotionActivity
        : entryType == typeof(MemberService) ? EntryKind.MemberService
        : entryType == typeof(DerivedResult) ? EntryKind.DerivedResult
        : throw new ArgumentException($"{entryType.Name} is not a kind of entry.", nameof(entryType));

    /// <summary>
    /// These entries with the one of <typeparamref name="T"/>'s kind whose id is <paramref name="id"/> replaced by
    /// <paramref name="now"/>: put in its place by id when it was not there, taken out when <paramref name="now"/> is null.
    /// The lists keep the id order they are read in; the other kinds' lists are the same objects.
    /// </summary>
    public KpiEntries With<T>(int id, T? now) where T : ProgressEntry => KindOf(typeof(T)) switch
    {
        EntryKind.Member => this with { Members = Replaced(Members, id, now as AllianceMember) },
        EntryKind.OperatingIncome => this with { Incomes = Replaced(Incomes, id, now as OperatingIncome) },
        EntryKind.CooperationProject => this with { CooperationProjects = Replaced(CooperationProjects, id, now as CooperationProject) },
        EntryKind.TechTransfer => this with { TechTransfers = Replaced(TechTransfers, id, now as TechTransfer) },
        EntryKind.TechnicalService => this with { TechnicalServices = Replaced(TechnicalServices, id, now as TechnicalService) },
        EntryKind.PromotionActivity => this with { PromotionActivities = Replaced(PromotionActivities, id, now as PromotionActivity) },
        EntryKind.MemberService => this with { MemberServices = Replaced(MemberServices, id, now as MemberService) },
        _ => this with { DerivedResults = Replaced(DerivedResults, id, now as DerivedResult) },
    };

    private static List<T> Replaced<T>(IReadOnlyList<T> list, int id, T? now) where T : ProgressEntry
    {
        var replaced = new List<T>(list.Count + 1);
        var placed = now is null;
        foreach (var entry in list)
        {
            if (entry.Id == id)
            {
                continue;
            }
            if (!placed && entry.Id > now!.Id)
            {
                replaced.Add(now);
                placed = true;
            }
            replaced.Add(entry);
        }
        if (!placed)
        {
            replaced.Add(now!);
        }
        return replaced;
    }
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
