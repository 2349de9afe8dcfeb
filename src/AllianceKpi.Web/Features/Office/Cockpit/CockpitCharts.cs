using System.Globalization;
using System.Text.Json;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Web.Features.Office.PeriodKpi;

namespace AllianceKpi.Web.Features.Office.Cockpit;

/// <summary>
/// The cockpit's charts of a report period: every targeted KPI's achievement over all alliances together (the sum of the
/// cumulative figures against the sum of the targets), then three headline KPIs alliance by alliance (cumulative against target).
/// </summary>
public static class CockpitCharts
{
    public const string OverallId = "overall";

    private static readonly KpiMeasure[] Headlines = [KpiMeasure.CompanyMembers, KpiMeasure.TotalIncome, KpiMeasure.CooperationAmount];

    private static readonly KpiMeasure[] Targeted =
        KpiMeasures.All.Select(m => m.Measure)
            .Where(m => m == KpiMeasure.TotalIncome || ExpectedTargets.All.Any(t => t.Measure == m))
            .ToArray();

    public static IReadOnlyList<CockpitChart> Build(PeriodKpiSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var charts = new List<CockpitChart> { Overall(set) };
        charts.AddRange(Headlines.Select(measure => ByAlliance(set, measure)));
        return charts;
    }

    private static CockpitChart Overall(PeriodKpiSet set)
    {
        var rows = Targeted.Select(measure =>
        {
            var info = KpiMeasures.Info(measure);
            var actual = set.Projects.Sum(p => p.Cumulative.Value(measure));
            var targets = set.Projects.Select(p => p.Target(measure)).Where(t => t is not null).ToList();
            decimal? target = targets.Count == 0 ? null : targets.Sum();
            return new ChartRow($"{info.Label}({info.Unit})", actual, target, Achievement.Show(actual, target));
        }).ToList();
        return new CockpitChart(OverallId, "全體聯盟 KPI 達成率（累計合計／目標合計）", "%", "KPI 項目", rows, RatesOnly: true);
    }

    private static CockpitChart ByAlliance(PeriodKpiSet set, KpiMeasure measure)
    {
        var info = KpiMeasures.Info(measure);
        var rows = set.Projects.Select(p =>
        {
            var actual = p.Cumulative.Value(measure);
            var target = p.Target(measure);
            var name = p.Project.AllianceName.Length > 0 ? p.Project.AllianceName : p.Project.Number;
            return new ChartRow(name, actual, target, Achievement.Show(actual, target));
        }).ToList();
        return new CockpitChart(measure.ToString().ToLowerInvariant(), $"{info.Label}：各聯盟累計與目標（{info.Unit}）", info.Unit, "聯盟名稱",
            rows, RatesOnly: false);
    }

    /// <summary>What cockpit.js draws, as the JSON of a non-executed script block (the CSP allows no inline script).</summary>
    public static string Json(IReadOnlyList<CockpitChart> charts) => JsonSerializer.Serialize(charts.Select(chart => new
    {
        id = chart.Id,
        title = chart.Title,
        labels = chart.Rows.Select(r => r.Label).ToList(),
        datasets = chart.RatesOnly
            ? new object[] { new { label = "達成率(%)", data = chart.Rows.Select(r => RateNumber(r)).ToList() } }
            :
            [
                new { label = $"累計({chart.Unit})", data = chart.Rows.Select(r => (decimal?)r.Actual).ToList() },
                new { label = $"目標({chart.Unit})", data = chart.Rows.Select(r => r.Target).ToList() },
            ],
    }));

    private static decimal? RateNumber(ChartRow row) =>
        Achievement.Rate(row.Actual, row.Target) is { } rate ? Math.Round(rate, 1, MidpointRounding.AwayFromZero) : null;

    public static string Show(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
