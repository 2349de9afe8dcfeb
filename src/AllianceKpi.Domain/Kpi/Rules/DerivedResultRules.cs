using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>7 協助聯盟會員衍生成果: new products, new technologies, patents applied and granted, for member companies only.</summary>
internal static class DerivedResultRules
{
    private const string Kpi = "協助聯盟會員衍生成果";
    private const string Rule = "協助對象限為聯盟廠商會員";

    public static DerivedFigures Evaluate(KpiContext context, IReadOnlyList<DerivedResult> results, List<Verdict> verdicts)
    {
        var counts = new int[5];
        var findings = new Findings();
        foreach (var result in results)
        {
            if (!context.InScope(result))
            {
                continue;
            }
            Judge(context, result, findings);
            if (findings.Clear && (int)result.Kind is >= 1 and <= 4)
            {
                counts[(int)result.Kind]++;
            }
            verdicts.Add(findings.ToVerdict(EntryKind.DerivedResult, result.Id));
        }
        return new DerivedFigures(
            counts[(int)DerivedResultKind.NewProduct],
            counts[(int)DerivedResultKind.NewTechnology],
            counts[(int)DerivedResultKind.PatentApplied],
            counts[(int)DerivedResultKind.PatentGranted]);
    }

    public static string Label(DerivedResultKind kind) => kind switch
    {
        DerivedResultKind.NewProduct => "開發新產品",
        DerivedResultKind.NewTechnology => "開發新技術",
        DerivedResultKind.PatentApplied => "申請專利",
        DerivedResultKind.PatentGranted => "獲證專利",
        _ => Kpi,
    };

    private static void Judge(KpiContext context, DerivedResult result, Findings findings)
    {
        var isPatent = result.Kind is DerivedResultKind.PatentApplied or DerivedResultKind.PatentGranted;
        var kpi = $"{Kpi}（{Label(result.Kind)}）";
        PartyRules.RequireMemberCompany(context.Resolve(result), result.Date, "成果日期", Rule, kpi, findings,
            isPatent ? $"未指定協助的聯盟廠商會員：學校自己申請或獲證之專利不計入，不列入{kpi}" : null);
        var window = context.ProjectWindow;
        if (!window.Contains(result.Date))
        {
            findings.Refuse($"成果日期 {Say.Day(result.Date)} 不在計畫執行期間 {context.ProjectWindowText} 內，不列入{kpi}");
        }
        if (result.Kind == DerivedResultKind.PatentGranted && string.IsNullOrWhiteSpace(result.PatentNumber))
        {
            findings.Refuse($"獲證專利須填專利證書號，不列入{kpi}");
        }
    }
}
