namespace AllianceKpi.Domain.Kpi;

/// <summary>1 聯盟廠商會員家數 (the KPI) and, for information, 其它會員 and 個人會員.</summary>
public sealed record MemberFigures(int CompanyMembers, int OtherMembers, int IndividualMembers);

/// <summary>Events (場 / 次) and people (人).</summary>
public sealed record EventFigures(int Events, int People);

/// <summary>Items (件) and an amount in 仟元.</summary>
public sealed record DealFigures(int Count, decimal Amount);

/// <summary>3 聯盟經常性營運收入 (仟元).</summary>
public sealed record IncomeFigures(decimal MembershipFee, decimal TechnicalServiceFee, decimal Other)
{
    public decimal Total => MembershipFee + TechnicalServiceFee + Other;
}

/// <summary>5 對聯盟會員之服務: 技術研討會 (場, 人), 專業諮詢服務 (次, 人), 訪廠現地指導 (次, 人).</summary>
public sealed record ServiceFigures(EventFigures Seminars, EventFigures Consulting, EventFigures SiteVisits);

/// <summary>7 協助聯盟會員衍生成果 (件).</summary>
public sealed record DerivedFigures(int NewProducts, int NewTechnologies, int PatentsApplied, int PatentsGranted);

/// <summary>Every figure the engine computes, numbered as the 成果綜整表 numbers its items.</summary>
public sealed record KpiFigures(
    MemberFigures Members,
    EventFigures Promotion,
    IncomeFigures Income,
    DealFigures TechTransfer,
    ServiceFigures Services,
    DealFigures Cooperation,
    DerivedFigures Derived,
    DealFigures TechnicalServices)
{
    public decimal Value(KpiMeasure measure) => measure switch
    {
        KpiMeasure.CompanyMembers => Members.CompanyMembers,
        KpiMeasure.OtherMembers => Members.OtherMembers,
        KpiMeasure.IndividualMembers => Members.IndividualMembers,
        KpiMeasure.PromotionEvents => Promotion.Events,
        KpiMeasure.PromotionPeople => Promotion.People,
        KpiMeasure.MembershipFeeIncome => Income.MembershipFee,
        KpiMeasure.TechnicalServiceIncome => Income.TechnicalServiceFee,
        KpiMeasure.OtherIncome => Income.Other,
        KpiMeasure.TotalIncome => Income.Total,
        KpiMeasure.TechTransferCount => TechTransfer.Count,
        KpiMeasure.TechTransferAmount => TechTransfer.Amount,
        KpiMeasure.SeminarEvents => Services.Seminars.Events,
        KpiMeasure.SeminarPeople => Services.Seminars.People,
        KpiMeasure.ConsultingSessions => Services.Consulting.Events,
        KpiMeasure.ConsultingPeople => Services.Consulting.People,
        KpiMeasure.SiteVisits => Services.SiteVisits.Events,
        KpiMeasure.SiteVisitPeople => Services.SiteVisits.People,
        KpiMeasure.CooperationCount => Cooperation.Count,
        KpiMeasure.CooperationAmount => Cooperation.Amount,
        KpiMeasure.NewProducts => Derived.NewProducts,
        KpiMeasure.NewTechnologies => Derived.NewTechnologies,
        KpiMeasure.PatentsApplied => Derived.PatentsApplied,
        KpiMeasure.PatentsGranted => Derived.PatentsGranted,
        KpiMeasure.TechnicalServiceCount => TechnicalServices.Count,
        KpiMeasure.TechnicalServiceAmount => TechnicalServices.Amount,
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };
}
