using System.Globalization;

namespace AllianceKpi.Domain.Calendar;

/// <summary>Dates as the programme writes them: 2021/10/31, or 110.01.01 in ROC years.</summary>
public static class DateFormat
{
    public static string Show(DateOnly day) => day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    public static string ShowRoc(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{RocCalendar.ToRocYear(day.Year)}.{day.Month:00}.{day.Day:00}");

    public static bool TryParse(string? text, out DateOnly day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        string[] formats = ["yyyy/M/d", "yyyy-M-d", "yyyy/MM/dd", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}

public static class RocCalendar
{
    public const int Offset = 1911;

    public static int ToRocYear(int year) => year - Offset;

    public static string Label(int year) => $"民國{ToRocYear(year)}年";
}
