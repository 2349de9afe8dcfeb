using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Reports;
using AllianceKpi.Web.Features.Office.PeriodKpi;
using AllianceKpi.Web.Features.Progress;

namespace AllianceKpi.Web.Features.Office.Exports;

/// <summary>
/// 全計畫 KPI 總表: one row per project of the period's programme year — 計畫編號, 計畫名稱, 主持人, 聯盟名稱, the 管考資料 state —
/// then for every KPI measure the period's figure (本期), the figure through the period (累計), the year's target (目標) and
/// 達成率 (累計 against 目標, as on the 管考資料 page). Counts are whole numbers, 仟元 amounts 0.000, rates 0.0%.
/// </summary>
public static class KpiWorkbookBuilder
{
    public const string SheetName = "KPI 總表";
    public const string NotFilled = "未填寫";
    public const string PeriodSuffix = "本期";
    public const string CumulativeSuffix = "累計";
    public const string TargetSuffix = "目標";
    public const string RateSuffix = "達成率";
    public const string Thousands = "仟元";

    public static IReadOnlyList<string> FixedHeaders { get; } = ["計畫編號", "計畫名稱", "主持人", "聯盟名稱", "狀態"];

    public static ReportWorkbook Build(PeriodKpiSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var columns = new List<ReportColumn>
        {
            new(FixedHeaders[0], 18), new(FixedHeaders[1], 36), new(FixedHeaders[2], 10), new(FixedHeaders[3], 30), new(FixedHeaders[4], 10),
        };
        foreach (var measure in KpiMeasures.All)
        {
            columns.AddRange([
                new(Header(measure, PeriodSuffix), 14), new(Header(measure, CumulativeSuffix), 14),
                new(Header(measure, TargetSuffix), 14), new(Header(measure, RateSuffix), 12),
            ]);
        }
        var rows = set.Projects.Select(Row).ToList();
        return new ReportWorkbook([new ReportSheet(SheetName, columns, rows)]);
    }

    /// <summary>「聯盟廠商會員家數(家) 累計」.</summary>
    public static string Header(KpiMeasureInfo measure, string suffix) => $"{measure.Label}({measure.Unit}) {suffix}";

    /// <summary>「2021第一次(3)_全計畫KPI總表.xlsx」.</summary>
    public static string FileName(PeriodKpiSet set) => $"{ProgressContext.ShortName(set.Period.Name)}_全計畫KPI總表.xlsx";

    private static IReadOnlyList<ReportCell> Row(ProjectKpi row)
    {
        var cells = new List<ReportCell>
        {
            ReportCell.Text(row.Project.Number), ReportCell.Text(row.Project.Name), ReportCell.Text(row.Project.PiName),
            ReportCell.Text(row.Project.AllianceName), ReportCell.Text(row.State is { } state ? state.Label() : NotFilled),
        };
        foreach (var measure in KpiMeasures.All)
        {
            cells.AddRange([
                Number(measure, row.Period.Value(measure.Measure)), Number(measure, row.Cumulative.Value(measure.Measure)),
                Number(measure, row.Target(measure.Measure)), ReportCell.Percent(row.Rate(measure.Measure)),
            ]);
        }
        return cells;
    }

    private static ReportCell Number(KpiMeasureInfo measure, decimal? value) => value switch
    {
        null => ReportCell.Empty,
        { } amount when measure.Unit == Thousands => ReportCell.Amount(amount),
        { } count => ReportCell.Whole((int)decimal.Round(count)),
    };
}
