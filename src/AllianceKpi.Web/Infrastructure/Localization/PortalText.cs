using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;

namespace AllianceKpi.Web.Infrastructure.Localization;

/// <summary>
/// The views' <c>L</c>: ASP.NET's <see cref="IHtmlLocalizer{TResource}"/> of <see cref="SharedResource"/>, with each text without
/// arguments looked up and rendered once per culture. The framework's localizer looks the text up in the resource manager on
/// every use (a key string built per lookup, the culture's fallback chain walked) and formats it again each time the page is
/// written; a list page of 50 rows asks for a few hundred texts. The cached text writes exactly what the framework's
/// <see cref="LocalizedHtmlString"/> writes (it is rendered by it once). Texts with arguments go to the framework's localizer
/// every time, so their arguments are encoded as before.
/// </summary>
public sealed class PortalText(IHtmlLocalizer<SharedResource> localizer) : IHtmlLocalizer<SharedResource>
{
    /// <summary>
    /// Texts kept per culture at most. The keys come from the views (a few thousand at most); a key built from data, were one
    /// ever passed, would not grow the cache past this.
    /// </summary>
    public const int MaxCachedPerCulture = 10_000;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, LocalizedText>> _cultures = new(StringComparer.Ordinal);

    /// <summary>The text of <paramref name="name"/> in the current UI culture, ready to write (its value is HTML, as with the framework's).</summary>
    public LocalizedText this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var texts = _cultures.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => new ConcurrentDictionary<string, LocalizedText>(StringComparer.Ordinal));
            if (texts.TryGetValue(name, out var cached))
            {
                return cached;
            }
            var text = LocalizedText.Of(localizer[name]);
            return texts.Count < MaxCachedPerCulture ? texts.GetOrAdd(name, text) : text;
        }
    }

    /// <summary>A text with arguments: the framework's, which encodes each argument.</summary>
    public LocalizedHtmlString this[string name, params object[] arguments] => localizer[name, arguments];

    LocalizedHtmlString IHtmlLocalizer.this[string name] => localizer[name];

    public LocalizedString GetString(string name) => localizer.GetString(name);

    public LocalizedString GetString(string name, params object[] arguments) => localizer.GetString(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => localizer.GetAllStrings(includeParentCultures);
}

/// <summary>A localized text without arguments: its name, its value, and the HTML the framework writes for it, computed once.</summary>
public sealed class LocalizedText : IHtmlContent
{
    private readonly string _html;

    private LocalizedText(string name, string value, bool isResourceNotFound, string html)
    {
        Name = name;
        Value = value;
        IsResourceNotFound = isResourceNotFound;
        _html = html;
    }

    public string Name { get; }
    public string Value { get; }
    public bool IsResourceNotFound { get; }

    public static LocalizedText Of(LocalizedHtmlString text)
    {
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteTo(html, HtmlEncoder.Default);
        return new LocalizedText(text.Name, text.Value, text.IsResourceNotFound, html.ToString());
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(_html);

    public override string ToString() => _html;
}
