using System.Globalization;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Forms;

/// <summary>Names the companies entries refer to: a member by its company name, anyone else as typed.</summary>
internal sealed class EntryParties(KpiEntries entries)
{
    private readonly Dictionary<int, string> members = entries.Members.ToDictionary(m => m.Id, m => m.CompanyName);

    public string Of(INamesCounterparty entry) =>
        entry.MemberId is { } id
            ? $"{members.GetValueOrDefault(id) ?? $"#{id.ToString(CultureInfo.InvariantCulture)}"}（聯盟會員）"
            : entry.CounterpartyName ?? "";

    public string TitleOf(ProgressEntry entry) => entry switch
    {
        AllianceMember m => m.CompanyName,
        OperatingIncome i => DateFormat.Show(i.AccountingDate),
        CooperationProject c => c.Name,
        TechTransfer t => t.Name,
        TechnicalService s => Of(s),
        PromotionActivity a => a.Name,
        MemberService s => s.Title,
        DerivedResult r => r.Title,
        _ => entry.Id.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The seed's words for the entries' choices (the same as the 工作進度 pages show).</summary>
internal static class EntryWords
{
    public static string Of(MemberType type) => type switch
    {
        MemberType.Company => "廠商", MemberType.Association => "公協會", MemberType.Individual => "個人",
        MemberType.ResearchInstitute => "研究型法人", MemberType.MainlandChinaCompany => "大陸公司", MemberType.Other => "其它",
        _ => type.ToString(),
    };

    public static string Of(MembershipBasis basis) => basis switch
    {
        MembershipBasis.Contract => "會員合約", MembershipBasis.Memorandum => "合作備忘錄", MembershipBasis.Application => "入會申請書",
        MembershipBasis.CooperationProject => "產學合作會員", MembershipBasis.TechTransfer => "技轉會員",
        _ => basis.ToString(),
    };

    public static string Of(FeeMethod method) => method switch
    {
        FeeMethod.CooperationProject => "產學合作", FeeMethod.TechTransfer => "技術移轉", FeeMethod.MembershipFee => "繳交會員費",
        _ => method.ToString(),
    };

    public static string Of(OtherIncomeNature nature) => nature switch
    {
        OtherIncomeNature.Ordinary => "聯盟可自由運用之其它收入", OtherIncomeNature.SchoolIncentive => "學校給予之鼓勵金、設備",
        OtherIncomeNature.DonatedEquipment => "廠商捐贈之設備與其設備價值", OtherIncomeNature.ProgrammeGrant => "科技部補助經費",
        OtherIncomeNature.OtherGrantCounterpartFunds => "其它計畫之經費收入", OtherIncomeNature.TechTransferIncome => "技術轉移之收入",
        _ => nature.ToString(),
    };

    public static string Of(MemberServiceKind kind) => kind switch
    {
        MemberServiceKind.Seminar => "技術研討會", MemberServiceKind.Consulting => "專業諮詢服務", MemberServiceKind.SiteVisit => "訪廠現地指導",
        _ => kind.ToString(),
    };

    public static string Of(DerivedResultKind kind) => kind switch
    {
        DerivedResultKind.NewProduct => "新產品", DerivedResultKind.NewTechnology => "新技術",
        DerivedResultKind.PatentApplied => "專利申請", DerivedResultKind.PatentGranted => "專利獲證",
        _ => kind.ToString(),
    };
}
