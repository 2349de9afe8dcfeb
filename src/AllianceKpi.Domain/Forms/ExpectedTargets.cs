using AllianceKpi.Domain.Kpi;

namespace AllianceKpi.Domain.Forms;

/// <summary>One target of the 預期成果 form: its field key, item, label and unit as the seed writes them, and the KPI measure it sets the target of.</summary>
public sealed record ExpectedTarget(
    int Item,
    string Name,
    string Label,
    string Unit,
    NumberKind Kind,
    KpiMeasure? Measure,
    Func<ExpectedResults, decimal?> Get,
    Action<ExpectedResults, decimal?> Set)
{
    /// <summary>e.g. <c>item3.membershipFeeIncome</c>.</summary>
    public string Key => FieldKeys.Of(Item, Name);
}

/// <summary>Every target of PRODUCT 3.1 in the form's order. 總收入 is computed, not a target of its own.</summary>
public static class ExpectedTargets
{
    public static IReadOnlyList<ExpectedTarget> All { get; } =
    [
        Count(1, "companyMembers", "聯盟廠商會員家數", "家", KpiMeasure.CompanyMembers, e => e.CompanyMembers, (e, v) => e.CompanyMembers = v),
        Count(2, "promotionEvents", "聯盟推廣活動", "場", KpiMeasure.PromotionEvents, e => e.PromotionEvents, (e, v) => e.PromotionEvents = v),
        Count(2, "promotionPeople", "聯盟推廣活動參與", "人", KpiMeasure.PromotionPeople, e => e.PromotionPeople, (e, v) => e.PromotionPeople = v),
        Money(3, "membershipFeeIncome", "會員費收入", KpiMeasure.MembershipFeeIncome, e => e.MembershipFeeIncome, (e, v) => e.MembershipFeeIncome = v),
        Money(3, "technicalServiceIncome", "技術服務收入", KpiMeasure.TechnicalServiceIncome, e => e.TechnicalServiceIncome, (e, v) => e.TechnicalServiceIncome = v),
        Money(3, "otherIncome", "其它項目收入", KpiMeasure.OtherIncome, e => e.OtherIncome, (e, v) => e.OtherIncome = v),
        Money(4, "techTransferAmount", "技術移轉", KpiMeasure.TechTransferAmount, e => e.TechTransferAmount, (e, v) => e.TechTransferAmount = v),
        Count(5, "seminarEvents", "舉辦技術研討會", "場", KpiMeasure.SeminarEvents, e => e.SeminarEvents, (e, v) => e.SeminarEvents = v),
        Count(5, "seminarPeople", "技術研討會參與", "人", KpiMeasure.SeminarPeople, e => e.SeminarPeople, (e, v) => e.SeminarPeople = v),
        Count(5, "consultingSessions", "專業諮詢服務", "次", KpiMeasure.ConsultingSessions, e => e.ConsultingSessions, (e, v) => e.ConsultingSessions = v),
        Count(5, "consultingPeople", "專業諮詢服務", "人", KpiMeasure.ConsultingPeople, e => e.ConsultingPeople, (e, v) => e.ConsultingPeople = v),
        Count(5, "siteVisits", "訪廠現地指導", "次", KpiMeasure.SiteVisits, e => e.SiteVisits, (e, v) => e.SiteVisits = v),
        Count(5, "siteVisitPeople", "訪廠現地指導", "人", KpiMeasure.SiteVisitPeople, e => e.SiteVisitPeople, (e, v) => e.SiteVisitPeople = v),
        Count(6, "cooperationCount", "衍生產學合作計畫", "件", KpiMeasure.CooperationCount, e => e.CooperationCount, (e, v) => e.CooperationCount = v),
        Money(6, "cooperationAmount", "衍生產學合作計畫", KpiMeasure.CooperationAmount, e => e.CooperationAmount, (e, v) => e.CooperationAmount = v),
        Count(7, "newProducts", "開發新產品", "件", KpiMeasure.NewProducts, e => e.NewProducts, (e, v) => e.NewProducts = v),
        Count(7, "newTechnologies", "開發新技術", "件", KpiMeasure.NewTechnologies, e => e.NewTechnologies, (e, v) => e.NewTechnologies = v),
        Count(7, "patentsApplied", "申請專利", "件", KpiMeasure.PatentsApplied, e => e.PatentsApplied, (e, v) => e.PatentsApplied = v),
        Count(7, "patentsGranted", "獲證專利", "件", KpiMeasure.PatentsGranted, e => e.PatentsGranted, (e, v) => e.PatentsGranted = v),
        Count(8, "newHires", "聯盟會員新聘人員", "人", null, e => e.NewHires, (e, v) => e.NewHires = v),
        new(8, "derivedOutputValue", "聯盟會員衍生產值", "元", NumberKind.Yuan, null, e => e.DerivedOutputValue, (e, v) => e.DerivedOutputValue = v),
        Count(8, "talentPlaced", "培育人才至聯盟廠商會員公司就職", "人", null, e => e.TalentPlaced, (e, v) => e.TalentPlaced = v),
        Count(9, "undergraduates", "大學", "人", null, e => e.Undergraduates, (e, v) => e.Undergraduates = v),
        Count(9, "masters", "碩士", "人", null, e => e.Masters, (e, v) => e.Masters = v),
        Count(9, "doctorals", "博士", "人", null, e => e.Doctorals, (e, v) => e.Doctorals = v),
        Count(9, "postdocs", "博後", "人", null, e => e.Postdocs, (e, v) => e.Postdocs = v),
        Count(9, "fullTimeAssistants", "專任助理", "人", null, e => e.FullTimeAssistants, (e, v) => e.FullTimeAssistants = v),
    ];

    private static readonly Dictionary<KpiMeasure, ExpectedTarget> ByMeasure =
        All.Where(t => t.Measure is not null).ToDictionary(t => t.Measure!.Value);

    /// <summary>The target of a KPI measure: 總收入 is the sum of its three parts; null for a measure without a target or a blank.</summary>
    public static decimal? TargetOf(this ExpectedResults targets, KpiMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (measure == KpiMeasure.TotalIncome)
        {
            return targets.MembershipFeeIncome is null && targets.TechnicalServiceIncome is null && targets.OtherIncome is null
                ? null
                : targets.TotalIncome;
        }
        return ByMeasure.TryGetValue(measure, out var target) ? target.Get(targets) : null;
    }

    public static IEnumerable<ExpectedTarget> OfItem(int item) => All.Where(t => t.Item == item);

    private static ExpectedTarget Count(int item, string name, string label, string unit, KpiMeasure? measure,
        Func<ExpectedResults, int?> get, Action<ExpectedResults, int?> set) =>
        new(item, name, label, unit, NumberKind.Count, measure, e => get(e), (e, v) => set(e, FormNumbers.ToCount(v)));

    private static ExpectedTarget Money(int item, string name, string label, KpiMeasure measure,
        Func<ExpectedResults, decimal?> get, Action<ExpectedResults, decimal?> set) =>
        new(item, name, label, "仟元", NumberKind.Thousands, measure, get, set);
}
