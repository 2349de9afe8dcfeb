using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Forms;

/// <summary>A typed number of the 管考資料 form (item 8's figures, item 10's counts).</summary>
public sealed record EvaluationNumber(int Item, string Name, string Label, string Unit, NumberKind Kind,
    Func<EvaluationForm, decimal?> Get, Func<ExpectedResults, decimal?> Target)
{
    public string Key => FieldKeys.Of(Item, Name);
}

/// <summary>A text of a form with its key, label, visible limit and whether 確定送出 needs it.</summary>
public sealed record FormTextField(string Field, string Label, string? Text, int Limit, bool Required = false);

/// <summary>The fields of the 管考資料 form, in the form's order.</summary>
public static class EvaluationFields
{
    public const string NarrativeLabel = "計畫執行達成狀況/其它";
    public const string DifferenceAnalysisLabel = "簡要差異分析";

    public static IReadOnlyList<EvaluationNumber> Numbers { get; } =
    [
        new(FormItems.Item8, "newHires", "聯盟會員新聘人員", "人", NumberKind.Count, f => f.NewHires, e => e.NewHires),
        new(FormItems.Item8, "derivedOutputValue", "聯盟會員衍生產值", "元", NumberKind.Yuan, f => f.DerivedOutputValue, e => e.DerivedOutputValue),
        new(FormItems.Item8, "talentPlaced", "培育人才至聯盟廠商會員公司就職", "人", NumberKind.Count, f => f.TalentPlaced, e => e.TalentPlaced),
        new(FormItems.StudentsItem, "undergraduates", "大學", "人", NumberKind.Count, f => f.Undergraduates, e => e.Undergraduates),
        new(FormItems.StudentsItem, "masters", "碩士", "人", NumberKind.Count, f => f.Masters, e => e.Masters),
        new(FormItems.StudentsItem, "doctorals", "博士", "人", NumberKind.Count, f => f.Doctorals, e => e.Doctorals),
        new(FormItems.StudentsItem, "postdocs", "博後", "人", NumberKind.Count, f => f.Postdocs, e => e.Postdocs),
        new(FormItems.StudentsItem, "fullTimeAssistants", "專任助理", "人", NumberKind.Count, f => f.FullTimeAssistants, e => e.FullTimeAssistants),
    ];

    public static readonly string DerivedOutputMethodKey = FieldKeys.Of(FormItems.Item8, "derivedOutputMethod");
    public static readonly string TalentCompaniesKey = FieldKeys.Of(FormItems.Item8, "talentCompanies");

    /// <summary>Every text of the form, item by item: narrative (where the item has one), 簡要差異分析, then item 8's details.</summary>
    public static IReadOnlyList<FormTextField> Texts(EvaluationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var texts = new List<FormTextField>();
        foreach (var item in FormItems.Evaluation)
        {
            var row = form.ItemOf(item.Number);
            if (item.HasNarrative)
            {
                texts.Add(new(FieldKeys.Narrative(item.Number), $"{item.Number}. {NarrativeLabel}", row?.Narrative,
                    item.NarrativeLimit, item.NarrativeRequired));
            }
            texts.Add(new(FieldKeys.DifferenceAnalysis(item.Number), $"{item.Number}. {DifferenceAnalysisLabel}",
                row?.DifferenceAnalysis, TextLimits.DifferenceAnalysis));
            if (item.Number == FormItems.Item8)
            {
                texts.Add(new(DerivedOutputMethodKey, "8. 衍生產值計算方式", form.DerivedOutputMethod, TextLimits.Item8Detail));
                texts.Add(new(TalentCompaniesKey, "8. 培育人才就職之聯盟廠商會員公司名稱", form.TalentCompanies, TextLimits.Item8Detail));
            }
        }
        return texts;
    }
}
