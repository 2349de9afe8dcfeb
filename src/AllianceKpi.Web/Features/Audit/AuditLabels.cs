using AllianceKpi.Domain.Audit;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Web.Features.Progress;

namespace AllianceKpi.Web.Features.Audit;

/// <summary>The zh-TW names the audit log shows for records and their fields (the form labels of the seed).</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Records = new(StringComparer.Ordinal)
    {
        ["AllianceMember"] = "招募聯盟會員",
        ["OperatingIncome"] = "聯盟營運收入",
        ["CooperationProject"] = "衍生產學合作計畫",
        ["TechTransfer"] = "衍生技轉",
        ["TechnicalService"] = "技術服務",
        ["PromotionActivity"] = "聯盟推廣活動",
        ["MemberService"] = "對聯盟會員之服務",
        ["DerivedResult"] = "協助聯盟會員衍生成果",
        ["ExpectedResults"] = "預期成果",
        ["EvaluationForm"] = "管考資料",
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["ProjectId"] = "計畫",
        ["ReportingPeriodId"] = "季類別",
        ["AttachmentId"] = "附件",
        ["Type"] = "類型",
        ["Basis"] = "會員資格",
        ["IndustryCode"] = "產業類別",
        ["IsPaying"] = "收費/免費會員",
        ["CompanyName"] = "公司名稱",
        ["TaxId"] = "統一編號",
        ["Representative"] = "負責人",
        ["Phone"] = "電話",
        ["City"] = "縣市",
        ["Street"] = "地址",
        ["Region"] = "會員所屬地區",
        ["ContractStart"] = "契約起始日",
        ["ContractEnd"] = "契約截止日",
        ["CapitalBand"] = "企業規模",
        ["EmployeeBand"] = "企業員工數",
        ["InIndustrialPark"] = "是否位屬工業暨產業園區",
        ["FeeMethod"] = "會費收入方式",
        ["FeeAmount"] = "會費金額(仟元)",
        ["SignedByPrincipalInvestigator"] = "計畫主持人簽約",
        ["RelatedToCoreTechnology"] = "與聯盟核心技術相關",
        ["MembershipFee"] = "會員費收入(仟元)",
        ["TechnicalServiceFee"] = "技術服務收入(仟元)",
        ["OtherIncome"] = "其它收入(仟元)",
        ["OtherIncomeNature"] = "其它收入性質",
        ["MemberId"] = "聯盟會員",
        ["CounterpartyName"] = "非會員名稱",
        ["AccountingDate"] = "會計核定日期",
        ["Name"] = "名稱",
        ["Budget"] = "計畫經費(仟元)",
        ["BudgetBasis"] = "經費填報方式",
        ["ReceiptIncluded"] = "附有效領據",
        ["Source"] = "計畫來源",
        ["StartDate"] = "起始日期",
        ["EndDate"] = "截止日期",
        ["Amount"] = "金額(仟元)",
        ["SignedOn"] = "簽約日期",
        ["Date"] = "日期",
        ["Description"] = "說明",
        ["Place"] = "地點",
        ["Participants"] = "參加人數",
        ["Kind"] = "類別",
        ["Title"] = "名稱",
        ["CompanyAttendees"] = "廠商參加人數",
        ["CompaniesServed"] = "服務廠商家數",
        ["PatentNumber"] = "專利號碼",
    };

    /// <summary>The yes/no fields (是/否 on their forms).</summary>
    private static readonly HashSet<string> YesNoFields = new(StringComparer.Ordinal)
    {
        "InIndustrialPark", "SignedByPrincipalInvestigator", "RelatedToCoreTechnology", "ReceiptIncluded",
    };

    public static string Record(string entityType) => Records.GetValueOrDefault(entityType, entityType);

    public static string Field(string field) => Fields.GetValueOrDefault(field, field);

    /// <summary>
    /// A logged value as the form shows it: a coded choice (member type, region, yes/no …) by its zh-TW label;
    /// text, numbers and dates as written; a value no longer known (a code since renamed) as written too.
    /// </summary>
    public static string? Value(string entityType, string field, string? raw)
    {
        if (raw is null)
        {
            return null;
        }
        return (entityType, field) switch
        {
            ("AllianceMember", "Type") => Coded<MemberType>(raw, ProgressLabels.Of),
            ("AllianceMember", "Basis") => Coded<MembershipBasis>(raw, ProgressLabels.Of),
            ("AllianceMember", "IsPaying") => Flag(raw, ProgressLabels.Paying),
            ("AllianceMember", "Region") => Coded<Region>(raw, r => r.Label()),
            ("AllianceMember", "FeeMethod") => Coded<FeeMethod>(raw, ProgressLabels.Of),
            ("OperatingIncome", "OtherIncomeNature") => Coded<OtherIncomeNature>(raw, ProgressLabels.Of),
            ("CooperationProject", "BudgetBasis") => Coded<BudgetBasis>(raw, ProgressLabels.Of),
            ("MemberService", "Kind") => Coded<MemberServiceKind>(raw, ProgressLabels.Of),
            ("DerivedResult", "Kind") => Coded<DerivedResultKind>(raw, ProgressLabels.Of),
            _ when YesNoFields.Contains(field) => Flag(raw, b => ProgressLabels.YesNo(b)),
            _ => raw,
        };
    }

    private static string Coded<T>(string raw, Func<T, string> label) where T : struct, Enum =>
        Enum.TryParse<T>(raw, ignoreCase: false, out var value) && Enum.IsDefined(value) && !int.TryParse(raw, out _) ? label(value) : raw;

    /// <summary>The trail writes a yes/no field as true or false, and nothing else that way.</summary>
    private static string Flag(string raw, Func<bool, string> label) => raw switch
    {
        "true" => label(true),
        "false" => label(false),
        _ => raw,
    };

    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Added => "新增",
        AuditAction.Modified => "修改",
        AuditAction.Deleted => "刪除",
        _ => action.ToString(),
    };
}
