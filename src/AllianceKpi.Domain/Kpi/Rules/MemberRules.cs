using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>
/// 1 聯盟廠商會員家數. Members are a stock: the period view counts the members reported in the period and lists the
/// still-valid members of earlier periods apart; the cumulative view counts every member reported up to the period.
/// The same company is counted once, at its first valid entry.
/// </summary>
internal static class MemberRules
{
    public static MemberFigures Evaluate(KpiContext context, IReadOnlyList<AllianceMember> members, List<Verdict> verdicts, List<Verdict> earlier)
    {
        var ordered = InPeriodOrder(context, members);
        var register = new MemberRegister(context);
        int companies = 0, others = 0, individuals = 0;
        var findings = new Findings();
        foreach (var (rank, member) in ordered)
        {
            var category = MemberClassification.CategoryOf(member.Type);
            var valid = Judge(context, member, category, register, findings);
            if (rank < context.FirstRank)
            {
                if (valid)
                {
                    findings.Note($"過去招募之有效會員（{context.PeriodName(member.ReportingPeriodId)}）");
                    earlier.Add(findings.ToVerdict(EntryKind.Member, member.Id, category == MemberCategory.Company, null));
                }
                findings.Reset();
                continue;
            }
            if (valid)
            {
                _ = category switch
                {
                    MemberCategory.Company => companies++,
                    MemberCategory.Individual => individuals++,
                    _ => others++,
                };
            }
            verdicts.Add(findings.ToVerdict(EntryKind.Member, member.Id, valid && category == MemberCategory.Company, null));
        }
        return new MemberFigures(companies, others, individuals);
    }

    private static List<(int Rank, AllianceMember Member)> InPeriodOrder(KpiContext context, IReadOnlyList<AllianceMember> members)
    {
        var ordered = new List<(int Rank, AllianceMember Member)>(members.Count);
        foreach (var member in members)
        {
            if (context.Place(member) != Placement.Outside)
            {
                ordered.Add((context.RankOf(member), member));
            }
        }
        ordered.Sort(static (a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Member.Id.CompareTo(b.Member.Id));
        return ordered;
    }

    /// <summary>Whether the member is a valid member of its category; the type's reason is given either way.</summary>
    private static bool Judge(KpiContext context, AllianceMember member, MemberCategory category, MemberRegister register, Findings findings)
    {
        JudgeType(member, findings);
        var before = findings.ReasonCount;
        var notCounted = NotCounted(category);
        switch (member.Basis)
        {
            case MembershipBasis.CooperationProject:
                MembershipBasisRules.CooperationMember(context, member, notCounted, findings);
                break;
            case MembershipBasis.TechTransfer:
                MembershipBasisRules.TechTransferMember(context, member, notCounted, findings);
                break;
            default:
                MembershipBasisRules.ContractSpansCutoff(context, member, notCounted, findings);
                break;
        }
        if (findings.ReasonCount != before || !register.TryAdd(member, findings))
        {
            return false;
        }
        NoteCategory(member, category, findings);
        return true;
    }

    private static void JudgeType(AllianceMember member, Findings findings)
    {
        switch (member.Type)
        {
            case MemberType.Individual:
                findings.Refuse("個人會員不列入廠商會員數（KPI 只計算廠商會員）");
                break;
            case MemberType.ResearchInstitute:
                findings.Refuse("研究型法人（如工研院）歸屬其它會員，不列入廠商會員數");
                break;
            case MemberType.MainlandChinaCompany:
                findings.Refuse(MemberClassification.LooksLikeHongKongOrMacau(member)
                    ? "大陸公司（香港、澳門除外）歸屬其它會員，不列入廠商會員數；名稱或地址為香港、澳門者視為外商，請將會員類型改為「廠商」"
                    : "大陸公司（香港、澳門除外）歸屬其它會員，不列入廠商會員數");
                break;
            case MemberType.Other:
                findings.Refuse("會員類型「其它」歸屬其它會員，不列入廠商會員數");
                break;
        }
    }

    private static void NoteCategory(AllianceMember member, MemberCategory category, Findings findings)
    {
        if (category == MemberCategory.Other)
        {
            findings.Note("列入其它會員數（參考，不列入 KPI）");
        }
        else if (category == MemberCategory.Individual)
        {
            findings.Note("列入個人會員數（參考，不列入 KPI）");
        }
        else if (member.Region == Region.Abroad)
        {
            findings.Note(MemberClassification.LooksLikeHongKongOrMacau(member)
                ? "香港、澳門公司視為外商，列入廠商會員"
                : "國外廠商視為外商公司，列入廠商會員");
        }
    }

    private static string NotCounted(MemberCategory category) => category switch
    {
        MemberCategory.Company => "不列入廠商會員數",
        MemberCategory.Individual => "不列入個人會員數",
        _ => "不列入其它會員數",
    };
}
