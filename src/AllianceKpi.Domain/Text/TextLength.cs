using System.Globalization;
using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Text;

/// <summary>
/// How long a text is, in the one way the browser's 「目前剩 N 字」 counter and the server both count it: line breaks
/// are normalised first (CRLF and a lone CR become LF, so a new line counts 1), then every user-perceived character
/// (an extended grapheme cluster of Unicode: 字, 𠀀, 👍🏽, 👨‍👩‍👧‍👦, 🇹🇼, é written as e + ◌́) counts 1.
/// The browser's twin is <c>Intl.Segmenter</c> with <c>granularity: "grapheme"</c> after <c>\r\n → \n</c>; see docs/workflow-rules.md.
/// </summary>
public static class TextLength
{
    /// <summary>
    /// A guard behind the visible rule: a text may hold at most this many UTF-16 code units per character allowed, so that
    /// a few "characters" stacked with thousands of combining marks cannot fill the database. Real text never comes close
    /// (the longest emoji sequences take 14 code units).
    /// </summary>
    public const int CodeUnitsPerCharacter = 16;

    /// <summary>The text as it is counted and stored: CRLF and lone CR turned into LF; null becomes empty.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        return text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
    }

    /// <summary>User-perceived characters after normalising line breaks; 0 for null or empty.</summary>
    public static int Count(string? text)
    {
        var normalised = Normalise(text);
        return normalised.Length == 0 ? 0 : new StringInfo(normalised).LengthInTextElements;
    }

    /// <summary>Whether the text holds at most <paramref name="limit"/> characters (and passes the code-unit guard).</summary>
    public static bool Fits(string? text, int limit) => Problem(text, limit) is null;

    /// <summary>「目前剩 N 字」: characters left; negative when over.</summary>
    public static int Remaining(string? text, int limit) => limit - Count(text);

    /// <summary>Whether the text is missing: null, empty or only white space (new lines included).</summary>
    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>The violation of a text that is too long, in the words of the seed's counter; null when it fits.</summary>
    public static DomainViolation? Check(string field, string label, string? text, int limit)
    {
        var problem = Problem(text, limit);
        return problem is null ? null : new DomainViolation(field, $"「{label}」{problem}");
    }

    private static string? Problem(string? text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var normalised = Normalise(text);
        var count = Count(normalised);
        if (count > limit)
        {
            return $"字數限制{limit}字元，目前{count}字，超過{count - limit}字。";
        }
        if (normalised.Length > (long)limit * CodeUnitsPerCharacter)
        {
            return "含有過多組合符號，請改用一般文字。";
        }
        return null;
    }
}

/// <summary>The longest texts of the forms, in characters as <see cref="TextLength"/> counts them.</summary>
public static class TextLimits
{
    /// <summary>▶計畫執行達成狀況/其它 of a KPI item (管考資料).</summary>
    public const int Narrative = 500;

    /// <summary>▶計畫執行達成狀況/其它 of item 8 (聯盟會員新聘人員、衍生產值).</summary>
    public const int Item8Narrative = 1000;

    /// <summary>▶簡要差異分析.</summary>
    public const int DifferenceAnalysis = 500;

    /// <summary>其它補充說明 of an expected-results item (預期成果).</summary>
    public const int ExpectedNote = 500;

    /// <summary>衍生產值的計算方式 and 培育人才就職公司名稱 of item 8.</summary>
    public const int Item8Detail = 500;

    /// <summary>退回原因 written by the office when it returns or reopens a form.</summary>
    public const int ReturnReason = 500;
}
