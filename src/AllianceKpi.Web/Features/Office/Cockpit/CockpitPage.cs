using AllianceKpi.Domain.Workflow;
using AllianceKpi.Web.Features.Office.PeriodKpi;

namespace AllianceKpi.Web.Features.Office.Cockpit;

/// <summary>A column of the heat-map: one period of the programme year.</summary>
public sealed record CockpitPeriod(int Id, string Name, string ShortName, DateOnly OpensOn, DateOnly Deadline, bool IsReport);

/// <summary>One cell: the project's form in the period, and the review page when a form exists.</summary>
public sealed record HeatCell(int PeriodId, Completion Completion, DateOnly? ExtendedUntil, string? Href)
{
    public string Label => Completion.Label();

    /// <summary>The CSS class of the colour: completion-overdue, completion-submitted, …</summary>
    public string CssClass => "completion-" + Completion.ToString().ToLowerInvariant();
}

public sealed record HeatRow(KpiProject Project, IReadOnlyList<HeatCell> Cells);

/// <summary>A column's totals: forms handed in (已送出 or 已確認) and overdue, of all projects.</summary>
public sealed record HeatTotal(int PeriodId, int HandedIn, int Overdue, int Projects);

public sealed record NextDeadline(string PeriodName, DateOnly Deadline, int Days);

/// <summary>One line of a chart's data table (and one bar or group of bars of the chart).</summary>
public sealed record ChartRow(string Label, decimal Actual, decimal? Target, string Rate);

/// <summary>A chart and the table beside it: the same numbers. Rows hold what the table shows; the JSON block what Chart.js draws.</summary>
public sealed record CockpitChart(string Id, string Title, string Unit, string LabelHeader, IReadOnlyList<ChartRow> Rows, bool RatesOnly);

public sealed record AnomalyLink(string Text, string Href);

public sealed record AnomalyRow(string Kind, string Message, IReadOnlyList<AnomalyLink> Links);

public sealed record CockpitPage(
    IReadOnlyList<int> Years,
    int? Year,
    IReadOnlyList<CockpitPeriod> Periods,
    IReadOnlyList<HeatRow> Rows,
    IReadOnlyList<HeatTotal> Totals,
    NextDeadline? NextDeadline,
    CockpitPeriod? KpiPeriod,
    IReadOnlyList<CockpitChart> Charts,
    IReadOnlyList<AnomalyRow> Anomalies)
{
    public static CockpitPage Empty(IReadOnlyList<int> years) => new(years, null, [], [], [], null, null, [], []);
}
