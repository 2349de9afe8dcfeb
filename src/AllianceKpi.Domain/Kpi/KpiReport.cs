using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Domain.Kpi;

/// <summary>What the engine returns: the figures of every KPI and a verdict for every entry in scope.</summary>
public sealed class KpiReport
{
    private Dictionary<(EntryKind, int), Verdict>? index;

    public KpiReport(KpiView view, ReportingPeriod? period, KpiFigures figures, IReadOnlyList<Verdict> verdicts,
        IReadOnlyList<Verdict> earlierValidMembers)
    {
        View = view;
        Period = period;
        Figures = figures;
        Verdicts = verdicts;
        EarlierValidMembers = earlierValidMembers;
    }

    public KpiView View { get; }

    /// <summary>The period reported; null for the whole execution.</summary>
    public ReportingPeriod? Period { get; }

    public KpiFigures Figures { get; }

    /// <summary>One verdict per entry in scope, grouped by kind in the order of <see cref="EntryKind"/>.</summary>
    public IReadOnlyList<Verdict> Verdicts { get; }

    /// <summary>
    /// Period view only: members reported in an earlier period of the year that are still valid members
    /// (過去招募之有效會員). They are not part of this period's figure; the cumulative figure counts them.
    /// </summary>
    public IReadOnlyList<Verdict> EarlierValidMembers { get; }

    public Verdict? Find(EntryKind kind, int entryId)
    {
        index ??= BuildIndex();
        return index.GetValueOrDefault((kind, entryId));
    }

    public IEnumerable<Verdict> Of(EntryKind kind) => Verdicts.Where(v => v.Kind == kind);

    private Dictionary<(EntryKind, int), Verdict> BuildIndex()
    {
        var map = new Dictionary<(EntryKind, int), Verdict>(Verdicts.Count + EarlierValidMembers.Count);
        foreach (var verdict in Verdicts)
        {
            map[(verdict.Kind, verdict.EntryId)] = verdict;
        }
        foreach (var verdict in EarlierValidMembers)
        {
            map.TryAdd((verdict.Kind, verdict.EntryId), verdict);
        }
        return map;
    }
}
