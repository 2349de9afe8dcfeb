using AllianceKpi.Domain.Kpi;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>One kind of 工作進度 entry as the pages show it: its label and the last segment of its page's path.</summary>
public sealed record ProgressKindInfo(EntryKind Kind, string Label, string Slug);

/// <summary>The tabs of a project's 工作進度 for one period.</summary>
public sealed record ProgressTabs(ProgressContext Context, EntryKind? Active);

public static class ProgressKinds
{
    public static IReadOnlyList<ProgressKindInfo> All { get; } =
    [
        new(EntryKind.Member, "招募聯盟會員", "members"),
        new(EntryKind.OperatingIncome, "聯盟營運收入", "income"),
        new(EntryKind.CooperationProject, "衍生產學合作計畫", "cooperation"),
        new(EntryKind.TechTransfer, "衍生技轉", "tech-transfers"),
        new(EntryKind.TechnicalService, "技術服務", "technical-services"),
        new(EntryKind.PromotionActivity, "聯盟推廣活動", "promotion"),
        new(EntryKind.MemberService, "對聯盟會員之服務", "member-services"),
        new(EntryKind.DerivedResult, "協助聯盟會員衍生成果", "derived-results"),
    ];

    /// <summary>How many entries of the kind are tagged with the context's period.</summary>
    public static int CountThisPeriod(ProgressContext context, EntryKind kind)
    {
        var entries = context.Entries;
        var periodId = context.PeriodId;
        return kind switch
        {
            EntryKind.Member => entries.Members.Count(e => e.ReportingPeriodId == periodId),
            EntryKind.OperatingIncome => entries.Incomes.Count(e => e.ReportingPeriodId == periodId),
            EntryKind.CooperationProject => entries.CooperationProjects.Count(e => e.ReportingPeriodId == periodId),
            EntryKind.TechTransfer => entries.TechTransfers.Count(e => e.ReportingPeriodId == periodId),
            EntryKind.TechnicalService => entries.TechnicalServices.Count(e => e.ReportingPeriodId == periodId),
            EntryKind.PromotionActivity => entries.PromotionActivities.Count(e => e.ReportingPeriodId == periodId),
            EntryKind.MemberService => entries.MemberServices.Count(e => e.ReportingPeriodId == periodId),
            EntryKind.DerivedResult => entries.DerivedResults.Count(e => e.ReportingPeriodId == periodId),
            _ => 0,
        };
    }

    public static int CountedThisPeriod(ProgressContext context, EntryKind kind) => context.Report.Of(kind).Count(v => v.Counted);
}
