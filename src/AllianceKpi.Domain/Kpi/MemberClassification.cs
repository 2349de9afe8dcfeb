using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi;

/// <summary>Which count a member belongs to.</summary>
public enum MemberCategory
{
    /// <summary>廠商會員: 廠商 and 公協會 (incl. foreign, Hong Kong and Macau companies). The KPI.</summary>
    Company = 1,

    /// <summary>其它會員: 研究型法人, 大陸公司 (Hong Kong and Macau excepted) and 其它.</summary>
    Other = 2,

    /// <summary>個人會員.</summary>
    Individual = 3,
}

public static class MemberClassification
{
    public static MemberCategory CategoryOf(MemberType type) => type switch
    {
        MemberType.Company or MemberType.Association => MemberCategory.Company,
        MemberType.Individual => MemberCategory.Individual,
        _ => MemberCategory.Other,
    };

    public static string Label(this MemberCategory category) => category switch
    {
        MemberCategory.Company => "廠商會員",
        MemberCategory.Other => "其它會員",
        MemberCategory.Individual => "個人會員",
        _ => category.ToString(),
    };

    /// <summary>Whether the member's name or address says Hong Kong or Macau (香港、澳門 are not 大陸公司).</summary>
    public static bool LooksLikeHongKongOrMacau(AllianceMember member) =>
        Mentions(member.CompanyName) || Mentions(member.City) || Mentions(member.Street);

    private static bool Mentions(string? text) =>
        !string.IsNullOrEmpty(text)
        && (text.Contains("香港", StringComparison.Ordinal) || text.Contains("澳門", StringComparison.Ordinal)
            || text.Contains("Hong Kong", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Macau", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Macao", StringComparison.OrdinalIgnoreCase));
}
