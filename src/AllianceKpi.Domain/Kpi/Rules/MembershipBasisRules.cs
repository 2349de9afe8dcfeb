using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>
/// When a membership is valid, by its basis: 會員合約 / 合作備忘錄 / 入會申請書 must span the cutoff; the two special
/// bases (產學合作會員, 技轉會員) have their own three conditions instead of the cutoff.
/// </summary>
internal static class MembershipBasisRules
{
    public const int MinimumOverlapMonths = 6;

    public static void ContractSpansCutoff(KpiContext context, AllianceMember member, string notCounted, Findings findings)
    {
        var cutoff = context.CutoffText;
        if (member.ContractStart > context.Cutoff)
        {
            findings.Refuse($"契約起始日 {Say.Day(member.ContractStart)} 晚於管考截止日 {cutoff}，契約期間未涵蓋管考截止日，{notCounted}");
        }
        if (member.ContractEnd < context.Cutoff)
        {
            findings.Refuse($"契約截止日 {Say.Day(member.ContractEnd)} 未跨管考截止日 {cutoff}，{notCounted}");
        }
    }

    public static void CooperationMember(KpiContext context, AllianceMember member, string notCounted, Findings findings)
    {
        var before = findings.ReasonCount;
        if (!member.SignedByPrincipalInvestigator)
        {
            findings.Refuse($"產學合作會員的產學合作須由計畫主持人簽約，{notCounted}");
        }
        if (!member.RelatedToCoreTechnology)
        {
            findings.Refuse($"產學合作會員的產學合作須與聯盟核心技術相關，{notCounted}");
        }
        if (OverlapsProjectBySixMonths(context, member, notCounted, findings, out var overlap) && findings.ReasonCount == before)
        {
            findings.Note($"產學合作會員：與計畫執行期間重疊 {overlap}，滿 {MinimumOverlapMonths} 個月（不適用管考截止日規定）");
        }
    }

    public static void TechTransferMember(KpiContext context, AllianceMember member, string notCounted, Findings findings)
    {
        var before = findings.ReasonCount;
        if (!member.SignedByPrincipalInvestigator)
        {
            findings.Refuse($"技轉會員的技轉須由計畫主持人簽約，{notCounted}");
        }
        if (!member.RelatedToCoreTechnology)
        {
            findings.Refuse($"技轉會員的技轉須與聯盟核心技術相關，{notCounted}");
        }
        var window = context.TechTransferWindow;
        if (!window.Contains(member.ContractStart))
        {
            findings.Refuse($"技轉簽約日 {Say.Day(member.ContractStart)} 不在計畫執行期間 {context.TechTransferWindowText} 內，{notCounted}");
        }
        else if (findings.ReasonCount == before)
        {
            findings.Note($"技轉會員：技轉簽約日 {Say.Day(member.ContractStart)} 在計畫執行期間內（不適用管考截止日規定）");
        }
    }

    /// <summary>
    /// The overlap of [契約起始日, 契約截止日] with the project window must last at least 6 calendar months:
    /// overlapStart.AddMonths(6).AddDays(-1) &lt;= overlapEnd (1/1–6/30 is six months; 1/1–6/29 is not).
    /// </summary>
    public static bool OverlapsProjectBySixMonths(KpiContext context, AllianceMember member, string notCounted, Findings findings, out string overlapText)
    {
        var window = context.ProjectWindow;
        var term = Say.Range(member.ContractStart, member.ContractEnd);
        var start = member.ContractStart > window.Start ? member.ContractStart : window.Start;
        var end = member.ContractEnd < window.End ? member.ContractEnd : window.End;
        overlapText = end >= start ? Say.Range(start, end) : "";
        if (end < start)
        {
            findings.Refuse($"產學合作期間 {term} 與計畫執行期間 {context.ProjectWindowText} 沒有重疊，須重疊 {MinimumOverlapMonths} 個月以上，{notCounted}");
            return false;
        }
        var required = start.AddMonths(MinimumOverlapMonths).AddDays(-1);
        if (end < required)
        {
            findings.Refuse($"產學合作期間 {term} 與計畫執行期間 {context.ProjectWindowText} 僅重疊 {overlapText}，未滿 {MinimumOverlapMonths} 個月（須重疊至 {Say.Day(required)}），{notCounted}");
            return false;
        }
        return true;
    }
}
