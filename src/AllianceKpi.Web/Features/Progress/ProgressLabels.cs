using System.Globalization;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>The zh-TW words of the 工作進度 choices, as the seed writes them (keys of the view localizer).</summary>
public static class ProgressLabels
{
    public static string Of(MemberType type) => type switch
    {
        MemberType.Company => "廠商",
        MemberType.Association => "公協會",
        MemberType.Individual => "個人",
        MemberType.ResearchInstitute => "研究型法人",
        MemberType.MainlandChinaCompany => "大陸公司",
        MemberType.Other => "其它",
        _ => type.ToString(),
    };

    public static string Of(MembershipBasis basis) => basis switch
    {
        MembershipBasis.Contract => "會員合約",
        MembershipBasis.Memorandum => "合作備忘錄",
        MembershipBasis.Application => "入會申請書",
        MembershipBasis.CooperationProject => "產學合作會員",
        MembershipBasis.TechTransfer => "技轉會員",
        _ => basis.ToString(),
    };

    public static string Of(FeeMethod method) => method switch
    {
        FeeMethod.CooperationProject => "產學合作",
        FeeMethod.TechTransfer => "技術移轉",
        FeeMethod.MembershipFee => "繳交會員費",
        _ => method.ToString(),
    };

    public static string Of(OtherIncomeNature nature) => nature switch
    {
        OtherIncomeNature.Ordinary => "聯盟可自由運用之其它收入",
        OtherIncomeNature.SchoolIncentive => "學校給予之鼓勵金、設備",
        OtherIncomeNature.DonatedEquipment => "廠商捐贈之設備與其設備價值",
        OtherIncomeNature.ProgrammeGrant => "科技部補助經費",
        OtherIncomeNature.OtherGrantCounterpartFunds => "其它計畫之經費收入（廠商配合款、SBIR、產學合作、建教合作）",
        OtherIncomeNature.TechTransferIncome => "技術轉移之收入",
        _ => nature.ToString(),
    };

    public static string Of(BudgetBasis basis) => basis switch
    {
        BudgetBasis.Total => "計畫總經費",
        BudgetBasis.ReceivedThisYear => "本年度實際進帳金額",
        _ => basis.ToString(),
    };

    public static string Of(MemberServiceKind kind) => kind switch
    {
        MemberServiceKind.Seminar => "技術研討會",
        MemberServiceKind.Consulting => "專業諮詢服務",
        MemberServiceKind.SiteVisit => "訪廠現地指導",
        _ => kind.ToString(),
    };

    public static string Of(DerivedResultKind kind) => kind switch
    {
        DerivedResultKind.NewProduct => "新產品",
        DerivedResultKind.NewTechnology => "新技術",
        DerivedResultKind.PatentApplied => "專利申請",
        DerivedResultKind.PatentGranted => "專利獲證",
        _ => kind.ToString(),
    };

    public static string Paying(bool isPaying) => isPaying ? "收費會員" : "免費會員";

    public static string YesNo(bool? value) => value switch { true => "是", false => "否", null => "" };

    /// <summary>仟元 with at most 3 decimals, no trailing zeros: 10, 12.5, 0.125.</summary>
    public static string Money(decimal? amount) => amount?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>企業規模 and 企業員工數 bands as the seed names them.</summary>
public static class CompanyBands
{
    public static IReadOnlyList<string> Capital { get; } =
        ["100萬元以下", "101~500萬元", "501~1,000萬元", "1,001~5,000萬元", "5,001萬~1億元", "1億元以上"];

    public static IReadOnlyList<string> Employees { get; } =
        ["經常雇用員工數未滿5人", "經常雇用員工數5~29人", "經常雇用員工數30~99人", "經常雇用員工數超過100~199人", "經常雇用員工數200人以上"];
}
