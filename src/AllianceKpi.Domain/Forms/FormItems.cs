using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Forms;

/// <summary>A numbered item of the 預期成果 form (1–9).</summary>
public sealed record ExpectedItem(int Number, string Title);

/// <summary>
/// A numbered item of the 管考資料 form (1–10): the engine's measures it shows, how long its ▶計畫執行達成狀況/其它 may be
/// (0: the item has none, its figures are typed instead) and whether it is required to submit.
/// </summary>
public sealed record EvaluationItem(int Number, string Title, int NarrativeLimit, bool NarrativeRequired,
    IReadOnlyList<KpiMeasure> Measures)
{
    public bool HasNarrative => NarrativeLimit > 0;
}

/// <summary>The items of both forms, numbered as the seed numbers them. See docs/workflow-rules.md for item 9 of 管考資料.</summary>
public static class FormItems
{
    public const int Item8 = 8;
    public const int StudentsItem = 10;

    public static IReadOnlyList<ExpectedItem> Expected { get; } =
    [
        new(1, "聯盟廠商會員家數"),
        new(2, "聯盟推廣活動"),
        new(3, "聯盟經常性營運收入(仟元)"),
        new(4, "技術移轉(仟元)"),
        new(5, "對聯盟會員之服務或輔導規劃"),
        new(6, "衍生產學合作計畫"),
        new(7, "協助聯盟會員衍生成果"),
        new(8, "聯盟會員新聘人員與衍生產值"),
        new(9, "計畫核定研究生人數"),
    ];

    public static IReadOnlyList<EvaluationItem> Evaluation { get; } =
    [
        Kpi(1, "聯盟廠商會員家數"),
        Kpi(2, "聯盟推廣活動"),
        Kpi(3, "聯盟經常性營運收入(仟元)"),
        Kpi(4, "技術移轉(仟元)"),
        Kpi(5, "對聯盟會員之服務或輔導規劃"),
        Kpi(6, "衍生產學合作計畫"),
        Kpi(7, "協助聯盟會員衍生成果"),
        new(Item8, "聯盟會員新聘人員與衍生產值", TextLimits.Item8Narrative, true, []),
        new(9, "衍生之技術服務", TextLimits.Narrative, false, MeasuresOf(null)),
        new(StudentsItem, "計畫核定研究生人數", 0, false, []),
    ];

    public static ExpectedItem ExpectedItem(int number) =>
        Expected.FirstOrDefault(i => i.Number == number) ?? throw new ArgumentOutOfRangeException(nameof(number));

    public static EvaluationItem EvaluationItem(int number) =>
        Evaluation.FirstOrDefault(i => i.Number == number) ?? throw new ArgumentOutOfRangeException(nameof(number));

    private static EvaluationItem Kpi(int number, string title) => new(number, title, TextLimits.Narrative, true, MeasuresOf(number));

    private static KpiMeasure[] MeasuresOf(int? item) =>
        KpiMeasures.All.Where(m => m.Item == item).Select(m => m.Measure).ToArray();
}

/// <summary>
/// The keys of the forms' fields: one name for the checklist's links, the page's anchors and the snapshot's paths,
/// e.g. <c>item3.narrative</c>, <c>item3.membershipFeeIncome</c>, <c>item8.derivedOutputMethod</c>.
/// </summary>
public static class FieldKeys
{
    public static string Of(int item, string field) => $"item{item}.{field}";

    public static string Narrative(int item) => Of(item, "narrative");

    public static string DifferenceAnalysis(int item) => Of(item, "differenceAnalysis");

    public static string Attachment(int item) => Of(item, "attachment");

    public static string Note(int item) => Of(item, "note");
}
