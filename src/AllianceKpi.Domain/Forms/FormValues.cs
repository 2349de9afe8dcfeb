using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Forms;

/// <summary>What a number on the forms is.</summary>
public enum NumberKind
{
    /// <summary>家, 場, 人, 次, 件: a whole number from 0 to 999999.</summary>
    Count = 1,

    /// <summary>仟元: ≥ 0 with at most 3 decimals.</summary>
    Thousands = 2,

    /// <summary>元 (衍生產值): a whole number ≥ 0.</summary>
    Yuan = 3,
}

/// <summary>The ranges the forms' numbers keep to; the same words as the 工作進度 forms.</summary>
public static class FormNumbers
{
    public const int MaxCount = 999_999;

    /// <summary>What a decimal(18,3) column holds.</summary>
    public const decimal MaxAmount = 999_999_999_999_999.999m;

    /// <summary>Why a value cannot be kept; null when it can (a blank is fine in a draft).</summary>
    public static string? Problem(NumberKind kind, decimal? value)
    {
        if (value is not { } number)
        {
            return null;
        }
        return kind switch
        {
            NumberKind.Count => number < 0 || number != decimal.Truncate(number) || number > MaxCount ? "請輸入 0 以上的整數。" : null,
            NumberKind.Thousands => number < 0 || decimal.Round(number, 3) != number ? "金額須為不小於 0 的數字，小數最多 3 位。"
                : number > MaxAmount ? "金額過大，請確認單位為仟元。" : null,
            NumberKind.Yuan => number < 0 || number != decimal.Truncate(number) ? "金額須為不小於 0 的整數（單位為元）。"
                : number > MaxAmount ? "金額過大，請確認單位為元。" : null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    internal static int? ToCount(decimal? value) =>
        value is { } number
            ? number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
                ? (int)number
                : throw new ArgumentOutOfRangeException(nameof(value), value, "A count must be a whole number.")
            : null;
}

/// <summary>How the forms keep texts: line breaks normalised, blanks as null; the visible limit is checked on 確定送出.</summary>
public static class FormText
{
    /// <summary>The text to store: null when blank, otherwise with CRLF and CR turned into LF.</summary>
    public static string? Clean(string? text) => TextLength.IsBlank(text) ? null : TextLength.Normalise(text);

    /// <summary>
    /// What 資料暫存 refuses: only a text beyond the storage guard (<see cref="TextLength.CodeUnitsPerCharacter"/> code units
    /// per allowed character). A text over its visible limit is kept, so no work is lost; the checklist blocks 確定送出.
    /// </summary>
    public static DomainViolation? GuardProblem(string field, string label, string? text, int limit) =>
        TextLength.Normalise(text).Length > (long)limit * TextLength.CodeUnitsPerCharacter
            ? new(field, $"「{label}」過長，無法暫存（字數限制{limit}字元）。")
            : null;
}
