namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>Who may be the counterparty of an outcome.</summary>
internal static class PartyRules
{
    /// <summary>
    /// 技術服務 / 技術移轉: 「對象廠商即可」 — a company member or a company typed by name (non-member) counts;
    /// an 其它會員 or 個人會員 does not.
    /// </summary>
    public static void RequireCompany(Party party, string role, string kpi, Findings findings, string? otherMemberReason = null)
    {
        switch (party.Kind)
        {
            case PartyKind.Missing:
                findings.Refuse($"未填{role}，不列入{kpi}");
                break;
            case PartyKind.UnknownMember:
                findings.Refuse($"找不到所選的聯盟會員（{party.Name}），不列入{kpi}");
                break;
            case PartyKind.OtherMember:
                findings.Refuse(otherMemberReason ?? $"{role}「{party.Name}」為其它會員，{role}須為廠商，不列入{kpi}");
                break;
            case PartyKind.IndividualMember:
                findings.Refuse($"{role}「{party.Name}」為個人會員，{role}須為廠商，不列入{kpi}");
                break;
            case PartyKind.NonMember:
                findings.Note($"{role}「{party.Name}」非聯盟會員：{role}為廠商即可列計");
                break;
        }
    }

    /// <summary>
    /// 產學合作計畫 and 衍生成果: only with a company member (廠商 or 公協會) whose membership covered the entry's day.
    /// The member's own verdict (e.g. a contract not spanning the cutoff) does not matter here.
    /// </summary>
    public static void RequireMemberCompany(Party party, DateOnly day, string dayLabel, string rule, string kpi, Findings findings, string? missingReason = null)
    {
        switch (party.Kind)
        {
            case PartyKind.Missing:
                findings.Refuse(missingReason ?? $"未選擇聯盟廠商會員：{rule}，不列入{kpi}");
                break;
            case PartyKind.UnknownMember:
                findings.Refuse($"找不到所選的聯盟會員（{party.Name}），不列入{kpi}");
                break;
            case PartyKind.NonMember:
                findings.Refuse($"「{party.Name}」非聯盟會員：{rule}，不列入{kpi}");
                break;
            case PartyKind.OtherMember:
                findings.Refuse($"「{party.Name}」為其它會員：{rule}，不列入{kpi}");
                break;
            case PartyKind.IndividualMember:
                findings.Refuse($"「{party.Name}」為個人會員：{rule}，不列入{kpi}");
                break;
            case PartyKind.CompanyMember when party.Member is { } member && (day < member.ContractStart || day > member.ContractEnd):
                findings.Refuse(
                    $"「{party.Name}」的會員契約期間 {Say.Range(member.ContractStart, member.ContractEnd)} 未涵蓋{dayLabel} {Say.Day(day)}，當時尚非聯盟會員，不列入{kpi}");
                break;
        }
    }
}
