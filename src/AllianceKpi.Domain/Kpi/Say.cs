using System.Globalization;
using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Domain.Kpi;

/// <summary>How reasons write dates, ranges, amounts and compare names.</summary>
internal static class Say
{
    /// <summary>2021/10/31, as <see cref="DateFormat.Show"/> writes it, without parsing a format string every time.</summary>
    public static string Day(DateOnly day) =>
        string.Create(10, day, static (chars, d) =>
        {
            Digits(chars[..4], d.Year);
            chars[4] = '/';
            Digits(chars.Slice(5, 2), d.Month);
            chars[7] = '/';
            Digits(chars.Slice(8, 2), d.Day);
        });

    public static string Range(DateOnly start, DateOnly end) => $"{Day(start)}~{Day(end)}";

    public static string Range(DateRange range) => Range(range.Start, range.End);

    /// <summary>仟元 as typed: 1234.5 (at most 3 decimals, no trailing zeros, no thousands separator).</summary>
    public static string Money(decimal amount)
    {
        var text = decimal.Round(amount, 3, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>A company name for comparison: see <see cref="CompanyIdentity.NameKey"/>.</summary>
    public static string NameKey(string? name) => CompanyIdentity.NameKey(name);
}
