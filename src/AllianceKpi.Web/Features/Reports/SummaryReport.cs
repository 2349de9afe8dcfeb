using System.Text.Json.Serialization;
using AllianceKpi.Web.Features.Evaluation;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>Which summary: 季綜整表 (the period's figures and entries) or 累計綜整表 (the period and the earlier ones of the year).</summary>
public enum SummaryView
{
    Period = 1,
    Cumulative = 2,
}

/// <summary>The header block of a summary: who, which period, and the state of the period's 管考資料.</summary>
/// <param name="Sha256">The latest 確定送出's SHA-256 while the form stands submitted or accepted; else null.</param>
public sealed record SummaryHeader(
    int ProgrammeYear,
    string PeriodName,
    string ProjectNumber,
    string ProjectName,
    string PrincipalInvestigator,
    string AllianceName,
    string Status,
    bool IsDraft,
    string? Sha256);

/// <summary>One entry of an item's kind as the engine judged it: 列計 or 不列計, with the reasons.</summary>
public sealed record SummaryEntry(string Period, string Name, bool Counted, string Reasons);

/// <summary>A typed figure of items 8 and 10 with the year's target and the rate.</summary>
public sealed record SummaryNumber(string Label, string Unit, string Value, string Target, string Rate);

/// <summary>One KPI item: the engine's figures, the typed numbers, the project's texts and the entries of its kind.</summary>
public sealed record SummarySection(
    int Number,
    string Title,
    IReadOnlyList<FigureRow> Figures,
    IReadOnlyList<SummaryNumber> Numbers,
    string? Narrative,
    string? DifferenceAnalysis,
    string? EntriesLabel,
    IReadOnlyList<SummaryEntry> Entries);

/// <summary>Where the on-screen preview leads: its PDF and the 管考資料 form.</summary>
public sealed record SummaryLinks(string Pdf, string Back);

/// <summary>季綜整表 / 累計綜整表 of one project and period: the model of the HTML preview and of the PDF printed from it.</summary>
public sealed record SummaryReport(
    SummaryView View,
    SummaryHeader Header,
    IReadOnlyList<SummarySection> Sections,
    string GeneratedAt)
{
    public const string PeriodTitle = "季綜整表";

    /// <summary>The preview's links (download the PDF, back to the form); null in the PDF, never stored.</summary>
    [JsonIgnore]
    public SummaryLinks? Links { get; init; }

    public const string CumulativeTitle = "累計綜整表";

    [JsonIgnore]
    public string Title => TitleOf(View);

    [JsonIgnore]
    public bool IsCumulative => View == SummaryView.Cumulative;

    public static string TitleOf(SummaryView view) => view == SummaryView.Cumulative ? CumulativeTitle : PeriodTitle;
}
