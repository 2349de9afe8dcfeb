namespace AllianceKpi.Domain.Kpi;

/// <summary>One number of the 成果綜整表.</summary>
public enum KpiMeasure
{
    CompanyMembers = 1,
    OtherMembers,
    IndividualMembers,
    PromotionEvents,
    PromotionPeople,
    MembershipFeeIncome,
    TechnicalServiceIncome,
    OtherIncome,
    TotalIncome,
    TechTransferCount,
    TechTransferAmount,
    SeminarEvents,
    SeminarPeople,
    ConsultingSessions,
    ConsultingPeople,
    SiteVisits,
    SiteVisitPeople,
    CooperationCount,
    CooperationAmount,
    NewProducts,
    NewTechnologies,
    PatentsApplied,
    PatentsGranted,
    TechnicalServiceCount,
    TechnicalServiceAmount,
}

/// <summary>
/// How a measure is shown: the 成果綜整表 item it belongs to (null: shown for information, outside the numbered items),
/// its label and unit as the seed writes them, and whether it is only for information (no target).
/// </summary>
public sealed record KpiMeasureInfo(KpiMeasure Measure, int? Item, string Label, string Unit, bool Informational = false);

public static class KpiMeasures
{
    public static IReadOnlyList<KpiMeasureInfo> All { get; } =
    [
        new(KpiMeasure.CompanyMembers, 1, "聯盟廠商會員家數", "家"),
        new(KpiMeasure.OtherMembers, 1, "其它會員", "家", Informational: true),
        new(KpiMeasure.IndividualMembers, 1, "個人會員", "人", Informational: true),
        new(KpiMeasure.PromotionEvents, 2, "聯盟推廣活動", "場"),
        new(KpiMeasure.PromotionPeople, 2, "聯盟推廣活動參與", "人"),
        new(KpiMeasure.TotalIncome, 3, "總收入", "仟元"),
        new(KpiMeasure.MembershipFeeIncome, 3, "會員費收入", "仟元"),
        new(KpiMeasure.TechnicalServiceIncome, 3, "技術服務收入", "仟元"),
        new(KpiMeasure.OtherIncome, 3, "其它項目收入", "仟元"),
        new(KpiMeasure.TechTransferCount, 4, "技術移轉", "件"),
        new(KpiMeasure.TechTransferAmount, 4, "技術移轉", "仟元"),
        new(KpiMeasure.SeminarEvents, 5, "舉辦技術研討會", "場"),
        new(KpiMeasure.SeminarPeople, 5, "技術研討會參與", "人"),
        new(KpiMeasure.ConsultingSessions, 5, "專業諮詢服務", "次"),
        new(KpiMeasure.ConsultingPeople, 5, "專業諮詢服務", "人"),
        new(KpiMeasure.SiteVisits, 5, "訪廠現地指導", "次"),
        new(KpiMeasure.SiteVisitPeople, 5, "訪廠現地指導", "人"),
        new(KpiMeasure.CooperationCount, 6, "衍生產學合作計畫", "件"),
        new(KpiMeasure.CooperationAmount, 6, "衍生產學合作計畫", "仟元"),
        new(KpiMeasure.NewProducts, 7, "開發新產品", "件"),
        new(KpiMeasure.NewTechnologies, 7, "開發新技術", "件"),
        new(KpiMeasure.PatentsApplied, 7, "申請專利", "件"),
        new(KpiMeasure.PatentsGranted, 7, "獲證專利", "件"),
        new(KpiMeasure.TechnicalServiceCount, null, "技術服務", "件", Informational: true),
        new(KpiMeasure.TechnicalServiceAmount, null, "技術服務", "仟元", Informational: true),
    ];

    private static readonly Dictionary<KpiMeasure, KpiMeasureInfo> ByMeasure = All.ToDictionary(m => m.Measure);

    public static KpiMeasureInfo Info(KpiMeasure measure) => ByMeasure[measure];
}
