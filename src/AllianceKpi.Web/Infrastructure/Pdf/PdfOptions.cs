namespace AllianceKpi.Web.Infrastructure.Pdf;

/// <summary>How the portal prints its reports to PDF: the section "Pdf" of the configuration.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";
    public const string DefaultChromiumPath = "/usr/lib/chromium/chromium";

    /// <summary>The Chromium binary Playwright drives (Debian's package by default).</summary>
    public string ChromiumPath { get; set; } = DefaultChromiumPath;

    /// <summary>How many PDFs may be printed at the same time; more wait their turn.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>How long one step of a render (loading the HTML, printing) may take before it fails.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
