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
}
