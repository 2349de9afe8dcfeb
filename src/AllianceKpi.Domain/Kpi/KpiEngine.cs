using AllianceKpi.Domain.Kpi.Rules;

namespace AllianceKpi.Domain.Kpi;

/// <summary>
/// The KPI rules engine: from a programme year's settings, its periods, a view and a project's entries, the figure
/// of every KPI and a verdict (counted or not, with reasons in zh-TW) for every entry in scope. Pure: it reads no
/// clock, database or configuration, and the same input always gives the same report. See docs/kpi-rules.md.
/// </summary>
public static class KpiEngine
{
    public static KpiReport Evaluate(KpiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = KpiContext.Create(input);
        var entries = input.Entries;
        var verdicts = new List<Verdict>(entries.Count);
        var earlierMembers = new List<Verdict>();
        var members = MemberRules.Evaluate(context, entries.Members, verdicts, earlierMembers);
        var income = IncomeRules.Evaluate(context, entries, verdicts);
        var cooperation = DealRules.CooperationProjects(context, entries.CooperationProjects, verdicts);
        var transfers = DealRules.TechTransfers(context, entries.TechTransfers, verdicts);
        var technicalServices = DealRules.TechnicalServices(context, entries.TechnicalServices, verdicts);
        var promotion = ActivityRules.Promotions(context, entries.PromotionActivities, verdicts);
        var services = ActivityRules.Services(context, entries, verdicts);
        var derived = DerivedResultRules.Evaluate(context, entries.DerivedResults, verdicts);
        var figures = new KpiFigures(members, promotion, income, transfers, services, cooperation, derived, technicalServices);
        return new KpiReport(input.View, input.Period, figures, verdicts, earlierMembers);
    }

    /// <summary>
    /// The entry kinds whose lists decide the verdicts of <paramref name="kind"/> (in any view): its own list, the members
    /// (every rule that names a partner, payer or licensee looks the member up), cooperation projects and tech transfers for
    /// income (the same money counted twice) and promotion activities for member services (one event reported as both).
    /// Evaluating only these lists gives that kind's verdicts exactly as evaluating them all (KpiEngineInputsTests); a page
    /// about one kind loads no more than this.
    /// </summary>
    public static IReadOnlySet<EntryKind> InputsOf(EntryKind kind) => Inputs[kind];

    /// <summary>Built once: a page asks on every request.</summary>
    private static readonly Dictionary<EntryKind, IReadOnlySet<EntryKind>> Inputs = Enum.GetValues<EntryKind>().ToDictionary(
        kind => kind,
        kind => (IReadOnlySet<EntryKind>)(kind switch
        {
            EntryKind.Member => new HashSet<EntryKind> { EntryKind.Member },
            EntryKind.OperatingIncome => new HashSet<EntryKind>
                { EntryKind.Member, EntryKind.OperatingIncome, EntryKind.CooperationProject, EntryKind.TechTransfer },
            EntryKind.MemberService => new HashSet<EntryKind> { EntryKind.Member, EntryKind.MemberService, EntryKind.PromotionActivity },
            _ => new HashSet<EntryKind> { EntryKind.Member, kind },
        }));
}
