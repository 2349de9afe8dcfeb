using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace AllianceKpi.Web.Features.Office.WebsiteChecks;

/// <summary>A fetched page as text: decoded by its charset, tags removed, entities decoded; and what 自動檢查 looks for in it.</summary>
public static partial class PageText
{
    static PageText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the body with the charset of the Content-Type header, else of a meta tag, else a BOM, else UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> body, string? headerCharset)
    {
        var encoding = EncodingNamed(headerCharset) ?? EncodingNamed(MetaCharset(body)) ?? Encoding.UTF8;
        var preamble = encoding.Preamble;
        if (body.StartsWith(preamble))
        {
            body = body[preamble.Length..];
        }
        return encoding.GetString(body);
    }

    /// <summary>The visible text: tags, scripts and styles removed, entities decoded, white space collapsed.</summary>
    public static string Visible(string html)
    {
        var withoutCode = CodeBlocks().Replace(html, " ");
        var withoutTags = Tags().Replace(withoutCode, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(withoutTags), " ").Trim();
    }

    /// <summary>Whether the text contains the phrase, white space inside it ignored (「科技部 計畫補助」 counts).</summary>
    public static bool ContainsPhrase(string text, string phrase) =>
        Spaces().Replace(text, "").Contains(phrase, StringComparison.Ordinal);

    /// <summary>The latest date written in the text (2021-05-20, 2021/5/20, 2021年5月20日, 110.05.20) that is not after today.</summary>
    public static DateOnly? LatestDate(string text, DateOnly today)
    {
        DateOnly? latest = null;
        foreach (Match match in Dates().Matches(text))
        {
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            year = year < 1000 ? year + 1911 : year;
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }
            var date = new DateOnly(year, month, day);
            if (date <= today && (latest is null || date > latest))
            {
                latest = date;
            }
        }
        return latest;
    }

    private static Encoding? EncodingNamed(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? MetaCharset(ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetString(body[..Math.Min(body.Length, 2048)]);
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["c"].Value : null;
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CodeBlocks();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<c>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex(@"(?<!\d)(?:(?<y>(?:19|20)\d{2})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})|(?<y>1[01]\d)\s*[/.年]\s*(?<m>\d{1,2})\s*[/.月]\s*(?<d>\d{1,2}))(?!\d)")]
    private static partial Regex Dates();
}
