using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AllianceKpi.Web.Tests.PdfRendering;

/// <summary>Reads a PDF back with poppler-utils (pdftotext, pdfinfo), the way a person's PDF reader would see it.</summary>
internal static partial class PopplerTools
{
    public static void EnsureInstalled()
    {
        foreach (var tool in new[] { "pdftotext", "pdfinfo" })
        {
            try
            {
                Run(tool, "-v");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException(
                    $"{tool} was not found: install it with 'apt-get install -y poppler-utils' (./test.sh does).", ex);
            }
        }
    }

    /// <summary>
    /// The text of each page (pdftotext split on form feeds), whitespace runs collapsed to one space. -layout keeps the
    /// reading order of a page; -raw keeps the drawing order, which keeps a rotated watermark's characters together
    /// (-layout scatters a diagonal 「草稿」 over the table's lines).
    /// </summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf, bool layout = true)
    {
        var text = WithFile(pdf, path => Run("pdftotext", layout ? "-layout" : "-raw", path, "-"));
        return text.Split('\f').Select(page => Whitespace().Replace(page, " ").Trim()).Where(page => page.Length > 0).ToList();
    }

    /// <summary>
    /// The text without any whitespace. Chromium draws the spaces of a page-margin box (the 「第 1 頁 / 共 3 頁」 footer) as
    /// gaps, not as space characters, and pdftotext does not turn those gaps back into spaces.
    /// </summary>
    public static string WithoutWhitespace(string text) => Whitespace().Replace(text, "");

    public static int PageCount(byte[] pdf)
    {
        var info = WithFile(pdf, path => Run("pdfinfo", path));
        var match = PagesLine().Match(info);
        Assert.True(match.Success, "pdfinfo printed no Pages line:\n" + info);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The first page's size line of pdfinfo, e.g. "Page size: 595.92 x 842.88 pts (A4)".</summary>
    public static string PageSize(byte[] pdf)
    {
        var info = WithFile(pdf, path => Run("pdfinfo", path));
        return info.Split('\n').FirstOrDefault(line => line.StartsWith("Page size:", StringComparison.Ordinal)) ?? info;
    }

    private static string WithFile(byte[] pdf, Func<string, string> read)
    {
        var path = Path.Combine(Path.GetTempPath(), "alliancekpi-pdf-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException($"{tool} did not finish in 30 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited with {process.ExitCode}: {error.Result}");
        }
        return output.Result;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();
}
