using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi;

internal enum PartyKind
{
    /// <summary>Neither a member nor a name was given.</summary>
    Missing,

    /// <summary>A member id that is not among the project's members (e.g. deleted).</summary>
    UnknownMember,

    /// <summary>A company typed by name, not a member.</summary>
    NonMember,

    /// <summary>A member of type 廠商 or 公協會.</summary>
    CompanyMember,

    /// <summary>A member of type 研究型法人, 大陸公司 or 其它: 其它會員.</summary>
    OtherMember,

    IndividualMember,
}

/// <summary>The counterparty of an income, a cooperation, a transfer, a service or a derived result.</summary>
internal readonly record struct Party(PartyKind Kind, AllianceMember? Member, string Name)
{
    public static Party Missing => new(PartyKind.Missing, null, "");

    public static Party UnknownMember(int id) => new(PartyKind.UnknownMember, null, $"會員編號 {id}");

    public static Party Of(AllianceMember member)
    {
        var kind = MemberClassification.CategoryOf(member.Type) switch
        {
            MemberCategory.Company => PartyKind.CompanyMember,
            MemberCategory.Individual => PartyKind.IndividualMember,
            _ => PartyKind.OtherMember,
        };
        var name = string.IsNullOrWhiteSpace(member.CompanyName) ? $"會員編號 {member.Id}" : member.CompanyName.Trim();
        return new Party(kind, member, name);
    }
}
