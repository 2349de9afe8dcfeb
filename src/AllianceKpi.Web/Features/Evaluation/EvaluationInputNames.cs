using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AllianceKpi.Domain.Forms;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>A field of the page: its domain key (also the input's id and the checklist's anchor), the posted name, its label and value.</summary>
public sealed record EvaluationInputField(string Key, string InputName, string Label, bool IsNumber, Func<EvaluationInput, string?> Get)
{
    /// <summary>The value as it would be stored, so that 「12」 and 「 12 」, CRLF and LF compare equal.</summary>
    public string? Canonical(EvaluationInput input)
    {
        var value = Get(input);
        return IsNumber ? NumberText.Canonical(value) : FormText.Clean(value);
    }
}

/// <summary>How the domain's field keys (<c>item3.narrative</c>, <c>item8.newHires</c>) map to the names the page posts.</summary>
public static class EvaluationInputNames
{
    public const string Prefix = "Form";
    public const string Version = Prefix + ".Version";
    public const string ConfirmWarnings = Prefix + ".ConfirmWarnings";

    private static readonly Dictionary<string, Func<EvaluationInput, string?>> Numbers = new(StringComparer.Ordinal)
    {
        ["newHires"] = i => i.NewHires,
        ["derivedOutputValue"] = i => i.DerivedOutputValue,
        ["talentPlaced"] = i => i.TalentPlaced,
        ["undergraduates"] = i => i.Undergraduates,
        ["masters"] = i => i.Masters,
        ["doctorals"] = i => i.Doctorals,
        ["postdocs"] = i => i.Postdocs,
        ["fullTimeAssistants"] = i => i.FullTimeAssistants,
    };

    /// <summary>Every field the user types, in the page's order (files excluded).</summary>
    public static IReadOnlyList<EvaluationInputField> All { get; } = Build();

    public static int IndexOf(int item)
    {
        for (var index = 0; index < FormItems.Evaluation.Count; index++)
        {
            if (FormItems.Evaluation[index].Number == item)
            {
                return index;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(item));
    }

    public static string ItemField(int item, string property) => $"{Prefix}.Items[{IndexOf(item)}].{property}";

    public static string Attachment(int item) => ItemField(item, nameof(EvaluationItemInput.Attachment));

    /// <summary>The posted name of a domain field key: <c>item3.narrative</c> → <c>Form.Items[2].Narrative</c>, <c>item8.newHires</c> → <c>Form.NewHires</c>.</summary>
    public static string Of(string fieldKey)
    {
        var dot = fieldKey.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !fieldKey.StartsWith("item", StringComparison.Ordinal)
            || !int.TryParse(fieldKey[4..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var item))
        {
            return fieldKey;
        }
        var name = fieldKey[(dot + 1)..];
        return name switch
        {
            "narrative" => ItemField(item, nameof(EvaluationItemInput.Narrative)),
            "differenceAnalysis" => ItemField(item, nameof(EvaluationItemInput.DifferenceAnalysis)),
            "attachment" => Attachment(item),
            _ => $"{Prefix}.{char.ToUpperInvariant(name[0])}{name[1..]}",
        };
    }

    private static List<EvaluationInputField> Build()
    {
        var fields = new List<EvaluationInputField>();
        var empty = new EvaluationForm();
        foreach (var text in EvaluationFields.Texts(empty))
        {
            fields.Add(new(text.Field, Of(text.Field), text.Label, false, TextGetter(text.Field)));
        }
        foreach (var number in EvaluationFields.Numbers)
        {
            fields.Add(new(number.Key, Of(number.Key), $"{number.Item}. {number.Label}({number.Unit})", true, Numbers[number.Name]));
        }
        return fields;
    }

    private static Func<EvaluationInput, string?> TextGetter(string key)
    {
        if (key == EvaluationFields.DerivedOutputMethodKey)
        {
            return i => i.DerivedOutputMethod;
        }
        if (key == EvaluationFields.TalentCompaniesKey)
        {
            return i => i.TalentCompanies;
        }
        var item = int.Parse(key[4..key.IndexOf('.', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        return key.EndsWith(".narrative", StringComparison.Ordinal)
            ? i => i.Item(item).Narrative
            : i => i.Item(item).DifferenceAnalysis;
    }
}

/// <summary>Numbers typed on the form: counts (人) and 衍生產值 (元, whole).</summary>
public static class NumberText
{
    public static int? Count(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    public static decimal? Amount(string? text) =>
        decimal.TryParse(text?.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : null;

    public static string? Show(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Show(decimal? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A number as stored (blank: null); text that is no number stays as typed.</summary>
    public static string? Canonical(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Amount(text) is { } amount ? Show(amount) : text.Trim();
}

/// <summary>聯盟會員衍生產值 in 元: a whole number ≥ 0 (thousands separators allowed). Empty passes.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class YuanTextAttribute() : ValidationAttribute(Message)
{
    public const string Message = "金額須為不小於 0 的整數（單位為元）";

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || NumberText.Amount(text) is not null;
}
