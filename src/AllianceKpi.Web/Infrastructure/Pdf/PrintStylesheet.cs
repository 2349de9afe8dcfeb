namespace AllianceKpi.Web.Infrastructure.Pdf;

/// <summary>
/// The print stylesheet every PDF report shares (print.css, embedded in the assembly): A4 with margins, 「第 n 頁 / 共 N 頁」
/// at the foot of each page, table headers repeated on each page, the Noto Sans CJK TC font and a <c>.watermark</c> class
/// (a large grey 「草稿」 on every page). Report views inline <see cref="StyleElement"/>, as the HTML is printed without a server.
/// </summary>
public static class PrintStylesheet
{
    private const string ResourceName = "AllianceKpi.Web.Infrastructure.Pdf.print.css";

    private static readonly Lazy<string> CssText = new(Load);

    /// <summary>The stylesheet's text.</summary>
    public static string Css => CssText.Value;

    /// <summary>The stylesheet as a <c>&lt;style&gt;</c> element for a report's <c>&lt;head&gt;</c>.</summary>
    public static string StyleElement => "<style>\n" + Css + "</style>";

    /// <summary>The watermark element to place first in a draft report's <c>&lt;body&gt;</c>.</summary>
    public const string DraftWatermark = "<div class=\"watermark\" aria-hidden=\"true\">草稿</div>";

    private static string Load()
    {
        using var stream = typeof(PrintStylesheet).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(PrintStylesheet).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
