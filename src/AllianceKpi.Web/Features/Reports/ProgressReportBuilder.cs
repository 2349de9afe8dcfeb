using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Infrastructure.Reports;
using AllianceKpi.Web.Features.Progress;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// 季成果報表 / 累計成果報表 as a <see cref="ReportWorkbook"/>: a 「KPI 摘要」 sheet with the engine's figures, then one sheet per
/// kind of entry with the rows the engine judged (its scope: the period's entries, or those of the period and the earlier ones),
/// each with its 季類別, the verdict and the reasons — in the words of the 工作進度 pages.
/// </summary>
public static class ProgressReportBuilder
{
    public const string SummarySheet = "KPI 摘要";
    public const string Counted = "列計";
    public const string NotCounted = "不列計";
    public const string VerdictHeader = "KPI 列計";
    public const string ReasonsHeader = "不列計原因";
    public const string NonMember = "（非會員）";

    private const double DateWidth = 12;
    private const double AmountWidth = 14;
    private const double NameWidth = 30;
    private const double TitleWidth = 36;

    public static ReportWorkbook Build(ProgressContext context, KpiReport report)
    {
        var sheets = new List<ReportSheet> { Summary(report.Figures) };
        var entries = context.Entries;
        sheets.Add(Sheet(context, report, EntryKind.Member, entries.Members, MemberColumns, m =>
        [
            ReportCell.Text(m.CompanyName), ReportCell.Text(m.Representative), ReportCell.Text(ProgressLabels.Of(m.Type)),
            ReportCell.Text(ProgressLabels.Of(m.Basis)), ReportCell.Text(IndustryClassification.DisplayOf(m.IndustryCode)),
            ReportCell.Text(m.Region.Label()), ReportCell.Text(m.CapitalBand), ReportCell.Text(m.EmployeeBand),
            ReportCell.Date(m.ContractStart), ReportCell.Date(m.ContractEnd),
        ]));
        sheets.Add(Sheet(context, report, EntryKind.OperatingIncome, entries.Incomes, IncomeColumns, e =>
        [
            ReportCell.Text(Counterparty(context, e)), ReportCell.Amount(e.MembershipFee), ReportCell.Amount(e.TechnicalServiceFee),
            ReportCell.Amount(e.OtherIncome), ReportCell.Text(e.OtherIncome > 0 ? ProgressLabels.Of(e.OtherIncomeNature) : ""),
            ReportCell.Date(e.AccountingDate),
        ]));
        sheets.Add(Sheet(context, report, EntryKind.CooperationProject, entries.CooperationProjects, CooperationColumns, e =>
        [
            ReportCell.Text(e.Name), ReportCell.Text(Counterparty(context, e)), ReportCell.Amount(e.Budget),
            ReportCell.Text(ProgressLabels.Of(e.BudgetBasis)), ReportCell.Text(e.Source), ReportCell.Date(e.StartDate), ReportCell.Date(e.EndDate),
        ]));
        sheets.Add(Sheet(context, report, EntryKind.TechTransfer, entries.TechTransfers, TechTransferColumns, e =>
        [
            ReportCell.Text(e.Name), ReportCell.Text(Counterparty(context, e)), ReportCell.Amount(e.Amount), ReportCell.Date(e.SignedOn),
        ]));
        sheets.Add(Sheet(context, report, EntryKind.TechnicalService, entries.TechnicalServices, TechnicalServiceColumns, e =>
        [
            ReportCell.Text(Counterparty(context, e)), ReportCell.Amount(e.Amount), ReportCell.Date(e.Date), ReportCell.Text(e.Description),
        ]));
        sheets.Add(Sheet(context, report, EntryKind.PromotionActivity, entries.PromotionActivities, PromotionColumns, e =>
        [
            ReportCell.Text(e.Name), ReportCell.Date(e.Date), ReportCell.Text(e.Place), ReportCell.Whole(e.Participants),
        ]));
        sheets.Add(Sheet(context, report, EntryKind.MemberService, entries.MemberServices, MemberServiceColumns, e =>
        [
            ReportCell.Text(ProgressLabels.Of(e.Kind)), ReportCell.Text(e.Title), ReportCell.Date(e.Date),
            ReportCell.Whole(e.CompanyAttendees), ReportCell.Whole(e.CompaniesServed),
        ]));
        sheets.Add(Sheet(context, report, EntryKind.DerivedResult, entries.DerivedResults, DerivedResultColumns, e =>
        [
            ReportCell.Text(ProgressLabels.Of(e.Kind)), ReportCell.Text(Counterparty(context, e)), ReportCell.Text(e.Title),
            ReportCell.Date(e.Date), ReportCell.Text(e.PatentNumber),
        ]));
        return new ReportWorkbook(sheets);
    }

    /// <summary>「2021ETPC_test_2021第一次(3)_季成果報表.xlsx」.</summary>
    public static string FileName(ProgressContext context, string reportName) =>
        $"{context.Project.Number}_{ProgressContext.ShortName(context.Period.Name)}_{reportName}.xlsx";

    private static readonly ReportColumn[] MemberColumns =
    [
        new("會員名稱", NameWidth), new("負責人", 12), new("類型", 12), new("會員資格", 14), new("產業類型", NameWidth), new("區域", 8),
        new("企業規模", 16), new("企業員工數", 28), new("契約起始日", DateWidth), new("契約截止日", DateWidth),
    ];

    private static readonly ReportColumn[] IncomeColumns =
    [
        new("付款單位", NameWidth), new("會員費收入", AmountWidth), new("技術服務收入", AmountWidth), new("其它收入", AmountWidth),
        new("其它收入性質", NameWidth), new("會計核定日期", 14),
    ];

    private static readonly ReportColumn[] CooperationColumns =
    [
        new("計畫名稱", TitleWidth), new("合作廠商名稱", NameWidth), new("計畫經費(仟元)", 16), new("經費類別", 18), new("計畫來源", 20),
        new("起始日期", DateWidth), new("截止日期", DateWidth),
    ];

    private static readonly ReportColumn[] TechTransferColumns =
    [
        new("技轉名稱", TitleWidth), new("技轉對象", NameWidth), new("金額(仟元)", AmountWidth), new("簽約日期", DateWidth),
    ];

    private static readonly ReportColumn[] TechnicalServiceColumns =
    [
        new("委託單位", NameWidth), new("金額(仟元)", AmountWidth), new("服務日期", DateWidth), new("服務內容", 40),
    ];

    private static readonly ReportColumn[] PromotionColumns =
    [
        new("活動名稱", TitleWidth), new("活動日期", DateWidth), new("活動地點", 24), new("參與人數", 10),
    ];

    private static readonly ReportColumn[] MemberServiceColumns =
    [
        new("服務類別", 14), new("服務名稱", TitleWidth), new("服務日期", DateWidth), new("廠商參與人數", 14), new("服務廠商家數", 14),
    ];

    private static readonly ReportColumn[] DerivedResultColumns =
    [
        new("成果類別", 12), new("會員公司", NameWidth), new("成果名稱", TitleWidth), new("成果日期", DateWidth), new("專利證書號", 18),
    ];

    private static ReportSheet Summary(KpiFigures figures)
    {
        ReportColumn[] columns = [new("項目", 8), new("指標", 24), new("數值", 14), new("單位", 8), new("備註", 10)];
        var rows = KpiMeasures.All.Select(m => (IReadOnlyList<ReportCell>)
        [
            m.Item is { } item ? ReportCell.Whole(item) : ReportCell.Text("—"),
            ReportCell.Text(m.Label),
            m.Unit == "仟元" ? ReportCell.Amount(figures.Value(m.Measure)) : ReportCell.Whole((int)figures.Value(m.Measure)),
            ReportCell.Text(m.Unit),
            ReportCell.Text(m.Informational ? "參考" : ""),
        ]).ToList();
        return new ReportSheet(SummarySheet, columns, rows);
    }

    /// <summary>The kind's sheet: 季類別, the entry's own columns, the verdict and its reasons; rows in the engine's order.</summary>
    private static ReportSheet Sheet<TEntry>(ProgressContext context, KpiReport report, EntryKind kind, IReadOnlyList<TEntry> entries,
        IReadOnlyList<ReportColumn> columns, Func<TEntry, IReadOnlyList<ReportCell>> cells)
        where TEntry : ProgressEntry
    {
        var byId = entries.ToDictionary(e => e.Id);
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var verdict in report.Of(kind))
        {
            if (!byId.TryGetValue(verdict.EntryId, out var entry))
            {
                continue;
            }
            var row = new List<ReportCell> { ReportCell.Text(context.PeriodLabel(entry.ReportingPeriodId)) };
            row.AddRange(cells(entry));
            row.Add(ReportCell.Text(verdict.Counted ? Counted : NotCounted));
            row.Add(ReportCell.Text(string.Join("；", verdict.Reasons)));
            rows.Add(row);
        }
        var label = ProgressKinds.All.Single(k => k.Kind == kind).Label;
        return new ReportSheet(label, [new("季類別", 16), .. columns, new(VerdictHeader, 10), new(ReasonsHeader, 60)], rows);
    }

    private static string Counterparty(ProgressContext context, INamesCounterparty entry) =>
        PayerChoices.NameOf(context, entry) + (entry.MemberId is null ? NonMember : "");
}
