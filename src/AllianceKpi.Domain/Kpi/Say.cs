using System.Globalization;
using System.Text;
using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Domain.Kpi;

/// <summary>How reasons write dates, ranges, amounts and compare names.</summary>
internal static class Say
{
    public static string Day(DateOnly day) => DateFormat.Show(day);

    public static string Range(DateOnly start, DateOnly end) => $"{DateFormat.Show(start)}~{DateFormat.Show(end)}";

    public static string Range(DateRange range) => Range(range.Start, range.End);

    /// <summary>仟元 as typed: 1,234.5 (at most 3 decimals, no trailing zeros).</summary>
    public static string Money(decimal amount) => amount.ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>A company name for comparison: full-width folded to half-width, no white space, upper case.</summary>
    public static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var folded = name.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }
        return key.ToString();
    }
}
