using System.Globalization;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Domain.Workflow;
using static AllianceKpi.Domain.Workflow.SnapshotValue;

namespace AllianceKpi.Domain.Forms;

/// <summary>The 工作進度 entries of a period as a submission snapshot holds them: every field with its seed label, and the engine's verdict.</summary>
public static class EntrySnapshots
{
    public static IReadOnlyList<SnapshotEntry> Build(KpiEntries entries, int reportingPeriodId, KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(report);
        var parties = new EntryParties(entries);
        var snapshots = new List<SnapshotEntry>();
        void Add<T>(IEnumerable<T> list, EntryKind kind, Func<T, IEnumerable<SnapshotField>> fields)
            where T : ProgressEntry
        {
            foreach (var entry in list.Where(e => e.ReportingPeriodId == reportingPeriodId))
            {
                var all = fields(entry).Append(new SnapshotField("attachment", "附件", Of(entry.AttachmentId)))
                    .Concat(VerdictFields(report.Find(kind, entry.Id)));
                snapshots.Add(new SnapshotEntry(kind, entry.Id, $"{KindLabel(kind)}「{parties.TitleOf(entry)}」", all.ToList()));
            }
        }

        Add(entries.Members, EntryKind.Member, MemberFields);
        Add(entries.Incomes, EntryKind.OperatingIncome, i => IncomeFields(i, parties.Of(i)));
        Add(entries.CooperationProjects, EntryKind.CooperationProject, c => CooperationFields(c, parties.Of(c)));
        Add(entries.TechTransfers, EntryKind.TechTransfer, t => TransferFields(t, parties.Of(t)));
        Add(entries.TechnicalServices, EntryKind.TechnicalService, s => ServiceFields(s, parties.Of(s)));
        Add(entries.PromotionActivities, EntryKind.PromotionActivity, PromotionFields);
        Add(entries.MemberServices, EntryKind.MemberService, MemberServiceFields);
        Add(entries.DerivedResults, EntryKind.DerivedResult, r => DerivedFields(r, parties.Of(r)));
        return snapshots;
    }

    /// <summary>How an entry is named in labels and checklist messages: its company, title or (income) 會計核定日期.</summary>
    public static Func<EntryKind, int, string> Titles(KpiEntries entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var parties = new EntryParties(entries);
        var titles = new Dictionary<(EntryKind, int), string>();
        void Add(IEnumerable<ProgressEntry> list, EntryKind kind)
        {
            foreach (var entry in list)
            {
                titles[(kind, entry.Id)] = parties.TitleOf(entry);
            }
        }
        Add(entries.Members, EntryKind.Member);
        Add(entries.Incomes, EntryKind.OperatingIncome);
        Add(entries.CooperationProjects, EntryKind.CooperationProject);
        Add(entries.TechTransfers, EntryKind.TechTransfer);
        Add(entries.TechnicalServices, EntryKind.TechnicalService);
        Add(entries.PromotionActivities, EntryKind.PromotionActivity);
        Add(entries.MemberServices, EntryKind.MemberService);
        Add(entries.DerivedResults, EntryKind.DerivedResult);
        return (kind, id) => titles.GetValueOrDefault((kind, id)) ?? $"#{id.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string KindLabel(EntryKind kind) => kind switch
    {
        EntryKind.Member => "招募聯盟會員",
        EntryKind.OperatingIncome => "聯盟營運收入",
        EntryKind.CooperationProject => "衍生產學合作計畫",
        EntryKind.TechTransfer => "衍生技轉",
        EntryKind.TechnicalService => "技術服務",
        EntryKind.PromotionActivity => "聯盟推廣活動",
        EntryKind.MemberService => "對聯盟會員之服務",
        EntryKind.DerivedResult => "協助聯盟會員衍生成果",
        _ => kind.ToString(),
    };

    private static SnapshotField F(string key, string label, string? value) => new(key, label, value);

    private static IEnumerable<SnapshotField> MemberFields(AllianceMember m) =>
    [
        F("type", "會員類型", EntryWords.Of(m.Type)), F("basis", "會員資格", EntryWords.Of(m.Basis)),
        F("industryCode", "產業類別", Of(m.IndustryCode)), F("paying", "收費/免費會員", m.IsPaying ? "收費會員" : "免費會員"),
        F("region", "會員所屬地區", m.Region.Label()), F("companyName", "入會會員公司名稱", Of(m.CompanyName)),
        F("taxId", "統一編號", Of(m.TaxId)), F("representative", "入會會員負責人", Of(m.Representative)),
        F("city", "入會會員地址（縣市）", Of(m.City)), F("street", "入會會員地址", Of(m.Street)),
        F("phone", "入會會員電話", Of(m.Phone)), F("contractStart", "契約起始日", Of(m.ContractStart)),
        F("contractEnd", "契約截止日", Of(m.ContractEnd)), F("capitalBand", "企業規模", Of(m.CapitalBand)),
        F("employeeBand", "企業員工數", Of(m.EmployeeBand)), F("inIndustrialPark", "是否位屬「工業暨產業園區」", Of(m.InIndustrialPark)),
        F("feeMethod", "會費收入方式", m.FeeMethod is { } method ? EntryWords.Of(method) : null), F("feeAmount", "會費金額(仟元)", Of(m.FeeAmount)),
        F("signedByPi", "計畫主持人簽約", Of(m.SignedByPrincipalInvestigator)),
        F("relatedToCoreTechnology", "與聯盟核心技術相關", Of(m.RelatedToCoreTechnology)),
    ];

    private static IEnumerable<SnapshotField> IncomeFields(OperatingIncome i, string party) =>
    [
        F("membershipFee", "聯盟會員費收入(仟元)", Of(i.MembershipFee)), F("technicalServiceFee", "聯盟技術服務收入(仟元)", Of(i.TechnicalServiceFee)),
        F("otherIncome", "聯盟其它收入(仟元)", Of(i.OtherIncome)), F("otherIncomeNature", "其它收入性質", EntryWords.Of(i.OtherIncomeNature)),
        F("counterparty", "付款單位", Of(party)), F("accountingDate", "會計核定日期", Of(i.AccountingDate)),
    ];

    private static IEnumerable<SnapshotField> CooperationFields(CooperationProject c, string party) =>
    [
        F("name", "計畫名稱", Of(c.Name)), F("counterparty", "合作廠商名稱", Of(party)), F("budget", "計畫經費(仟元)", Of(c.Budget)),
        F("budgetBasis", "計畫經費填報方式", c.BudgetBasis == BudgetBasis.Total ? "計畫總經費" : "本年度實際進帳金額"),
        F("receiptIncluded", "附有效領據", Of(c.ReceiptIncluded)), F("source", "計畫來源", Of(c.Source)),
        F("startDate", "計畫執行起始日期", Of(c.StartDate)), F("endDate", "計畫執行截止日期", Of(c.EndDate)),
        F("signedByPi", "計畫主持人簽約", Of(c.SignedByPrincipalInvestigator)),
    ];

    private static IEnumerable<SnapshotField> TransferFields(TechTransfer t, string party) =>
    [
        F("name", "技轉名稱", Of(t.Name)), F("counterparty", "技轉對象", Of(party)),
        F("amount", "金額(仟元)", Of(t.Amount)), F("signedOn", "簽約日期", Of(t.SignedOn)),
    ];

    private static IEnumerable<SnapshotField> ServiceFields(TechnicalService s, string party) =>
    [
        F("counterparty", "服務對象", Of(party)), F("amount", "金額(仟元)", Of(s.Amount)),
        F("date", "日期", Of(s.Date)), F("description", "服務內容", Of(s.Description)),
    ];

    private static IEnumerable<SnapshotField> PromotionFields(PromotionActivity a) =>
    [
        F("name", "活動名稱", Of(a.Name)), F("date", "日期", Of(a.Date)), F("place", "地點", Of(a.Place)),
        F("participants", "參與人數", Of(a.Participants)),
    ];

    private static IEnumerable<SnapshotField> MemberServiceFields(MemberService s) =>
    [
        F("kind", "服務類型", EntryWords.Of(s.Kind)), F("date", "日期", Of(s.Date)), F("title", "名稱", Of(s.Title)),
        F("companyAttendees", "廠商參與人數", Of(s.CompanyAttendees)), F("companiesServed", "服務廠商家數", Of(s.CompaniesServed)),
    ];

    private static IEnumerable<SnapshotField> DerivedFields(DerivedResult r, string party) =>
    [
        F("kind", "成果類型", EntryWords.Of(r.Kind)), F("counterparty", "聯盟會員公司", Of(party)), F("title", "名稱", Of(r.Title)),
        F("date", "日期", Of(r.Date)), F("patentNumber", "專利號碼", Of(r.PatentNumber)),
    ];

    private static IEnumerable<SnapshotField> VerdictFields(Verdict? verdict) =>
    [
        F("counted", "列入 KPI", verdict is null ? null : Of(verdict.Counted)),
        F("reasons", "不列入原因", verdict is null || verdict.Reasons.Count == 0 ? null : string.Join("\n", verdict.Reasons)),
    ];
}
