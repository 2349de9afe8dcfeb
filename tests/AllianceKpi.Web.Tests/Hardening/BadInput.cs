using System.Net;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>What the portal must do with one bad input.</summary>
public enum Expect
{
    /// <summary>The form again (200) with a zh-TW message next to <see cref="BadInput.Field"/>, and no row written.</summary>
    Refused,

    /// <summary>Valid but hostile text: saved (302) exactly as typed, and shown escaped, never as markup.</summary>
    RoundTrip,

    /// <summary>A well-formed date outside the programme's window: saved, but listed as 不列計.</summary>
    NotCounted,

    /// <summary>An odd but parseable value: either refused with a field message or saved; never a 5xx.</summary>
    Handled,
}

/// <summary>
/// One bad input to one form: the fields changed from the form's valid data, what must happen and which field it concerns.
/// Test rows carry only (form, name) so that every case is its own row; the case is looked up in the form's catalogue.
/// </summary>
public sealed record BadInput(string Form, string Name, IReadOnlyDictionary<string, string> Changes, Expect Expect, string Field);

/// <summary>The hostile texts every free-text field is fed, and the checks every case shares.</summary>
public static class BadInputs
{
    /// <summary>Texts that are valid input and must come back exactly: the label names the case.</summary>
    public static readonly IReadOnlyList<(string Label, string Text)> Hostile =
    [
        ("script tag", "<script>alert('x')</script>甲"),
        ("HTML tag with handler", "<img src=x onerror=alert(1)><b>粗</b>"),
        ("SQL-looking text", "'; DROP TABLE \"AllianceMembers\"; --"),
        ("right-to-left marks", "\u202Eabc\u202C\u200F聯盟\u200E"),
        ("emoji", "聯盟🚀😀👩‍🔬"),
        ("rare CJK", "𠀀𪚥公司"),
    ];

    public static readonly string[] BadAmounts = ["1.2345", "-5", "十元", "1e5", "9999999999999999"];

    public static readonly string[] BadCounts = ["-3", "1.5", "三", "1000000"];

    public static readonly string[] ImpossibleDates = ["2021/02/30", "2021/13/40", "明天", "0000/01/01"];

    public static string TooLong(int max) => new('長', max + 1);

    /// <summary>The rows of a catalogue for a Theory's MemberData.</summary>
    public static IEnumerable<object[]> Rows(IEnumerable<BadInput> cases) => cases.Select(c => new object[] { c.Form, c.Name });

    public static BadInput Find(IEnumerable<BadInput> cases, string form, string name) =>
        cases.Single(c => c.Form == form && c.Name == name);

    /// <summary>Makes a hostile text unique per case, so the round-trip check finds exactly this row.</summary>
    public static string Tagged(string text, string form, string name) => $"{text}#{Math.Abs(StableHash(form + name)) % 100000}";

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = hash * 31 + c;
            }
            return hash;
        }
    }

    public static Dictionary<string, string> Apply(Dictionary<string, string> valid, IReadOnlyDictionary<string, string> changes, string prefix = "")
    {
        var fields = new Dictionary<string, string>(valid);
        foreach (var (key, value) in changes)
        {
            fields[prefix + key] = value;
        }
        return fields;
    }

    public static void NoServerError(HttpResponseMessage response, string what)
    {
        Assert.True((int)response.StatusCode < 500, $"{what}: got {(int)response.StatusCode}");
    }

    /// <summary>The redisplayed form: 200, with a non-empty message next to the field.</summary>
    public static async Task<IHtmlDocument> RefusedWithMessageAsync(HttpResponseMessage response, string fieldName, string what)
    {
        NoServerError(response, what);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{what}: expected the form again (200), got {(int)response.StatusCode} {response.Headers.Location}");
        var page = PortalClient.Parse(body);
        // No field name: a form-level message (e.g. sign-in's, which never says which of the two was wrong).
        var message = (fieldName.Length == 0
            ? page.QuerySelector("[data-testid=form-errors]")
            : page.QuerySelector($"[data-valmsg-for='{fieldName}']"))?.TextContent.Trim() ?? "";
        Assert.True(message.Length > 0, $"{what}: no message next to {fieldName}; messages: " +
            string.Join(" | ", page.QuerySelectorAll(".field-validation-error, [data-testid=form-errors]").Select(e => e.TextContent.Trim())));
        Assert.True(message.Any(c => c >= 0x4E00 && c <= 0x9FFF), $"{what}: the message next to {fieldName} is not in Chinese: {message}");
        return page;
    }

    /// <summary>A page showing the text: as text, never as markup (the raw HTML holds no unescaped tag of it).</summary>
    public static void ShownEscaped(string html, string text, string what)
    {
        if (text.Contains('<'))
        {
            Assert.DoesNotContain(text, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }
        var page = PortalClient.Parse(html);
        var shown = page.QuerySelectorAll("input, textarea").OfType<IHtmlElement>()
            .Select(e => e is IHtmlTextAreaElement area ? area.Value : (e as IHtmlInputElement)?.Value ?? "")
            .Append(page.Body?.TextContent ?? "");
        Assert.True(shown.Any(s => s.Contains(text, StringComparison.Ordinal)), $"{what}: the text is not shown as typed");
    }
}
