using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>2 聯盟推廣活動 and 5 對聯盟會員之服務 (技術研討會, 專業諮詢服務, 訪廠現地指導).</summary>
internal static class ActivityRules
{
    private const string Promotion = "聯盟推廣活動";

    public static EventFigures Promotions(KpiContext context, IReadOnlyList<PromotionActivity> activities, List<Verdict> verdicts)
    {
        var window = context.ProjectWindow;
        int events = 0, people = 0;
        var findings = new Findings();
        foreach (var activity in activities)
        {
            if (!context.InScope(activity))
            {
                continue;
            }
            if (!window.Contains(activity.Date))
            {
                findings.Refuse($"活動日期 {Say.Day(activity.Date)} 不在計畫執行期間 {context.ProjectWindowText} 內，不列入{Promotion}");
            }
            else
            {
                events++;
                people += activity.Participants;
            }
            verdicts.Add(findings.ToVerdict(EntryKind.PromotionActivity, activity.Id));
        }
        return new EventFigures(events, people);
    }

    public static ServiceFigures Services(KpiContext context, KpiEntries entries, List<Verdict> verdicts)
    {
        var promotions = PromotionIndex(entries.PromotionActivities);
        var counts = new int[4];
        var people = new int[4];
        var findings = new Findings();
        foreach (var service in entries.MemberServices)
        {
            if (!context.InScope(service))
            {
                continue;
            }
            Judge(context, service, promotions, findings);
            if (findings.Clear && (int)service.Kind is >= 1 and <= 3)
            {
                counts[(int)service.Kind]++;
                people[(int)service.Kind] += service.CompanyAttendees;
            }
            verdicts.Add(findings.ToVerdict(EntryKind.MemberService, service.Id));
        }
        return new ServiceFigures(
            new EventFigures(counts[(int)MemberServiceKind.Seminar], people[(int)MemberServiceKind.Seminar]),
            new EventFigures(counts[(int)MemberServiceKind.Consulting], people[(int)MemberServiceKind.Consulting]),
            new EventFigures(counts[(int)MemberServiceKind.SiteVisit], people[(int)MemberServiceKind.SiteVisit]));
    }

    public static string Label(MemberServiceKind kind) => kind switch
    {
        MemberServiceKind.Seminar => "技術研討會",
        MemberServiceKind.Consulting => "專業諮詢服務",
        MemberServiceKind.SiteVisit => "訪廠現地指導",
        _ => "對聯盟會員之服務",
    };

    private static void Judge(KpiContext context, MemberService service, Dictionary<(DateOnly, string), PromotionActivity> promotions, Findings findings)
    {
        var kpi = Label(service.Kind);
        if (service.CompanyAttendees <= 0)
        {
            findings.Refuse($"廠商參與人數為 {service.CompanyAttendees}：認計對象為廠商，不列入{kpi}");
        }
        var window = context.ProjectWindow;
        if (!window.Contains(service.Date))
        {
            findings.Refuse($"日期 {Say.Day(service.Date)} 不在計畫執行期間 {context.ProjectWindowText} 內，不列入{kpi}");
        }
        if (promotions.TryGetValue((service.Date, Say.NameKey(service.Title)), out var promotion))
        {
            findings.Refuse(
                $"與聯盟推廣活動「{promotion.Name}」（{Say.Day(promotion.Date)}）為同一場活動：本項目勿與推廣活動重複計算，不列入{kpi}");
        }
    }

    private static Dictionary<(DateOnly, string), PromotionActivity> PromotionIndex(IReadOnlyList<PromotionActivity> activities)
    {
        var index = new Dictionary<(DateOnly, string), PromotionActivity>(activities.Count);
        foreach (var activity in activities)
        {
            var key = Say.NameKey(activity.Name);
            if (key.Length > 0)
            {
                index.TryAdd((activity.Date, key), activity);
            }
        }
        return index;
    }
}
