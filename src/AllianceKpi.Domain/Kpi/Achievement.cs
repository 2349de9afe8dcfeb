using System.Globalization;

namespace AllianceKpi.Domain.Kpi;

/// <summary>達成率 = actual / target, per period and cumulative.</summary>
public static class Achievement
{
    /// <summary>The rate in percent (120.0 for 120%); null when there is no target or the target is 0 or less.</summary>
    public static decimal? Rate(decimal actual, decimal? target) =>
        target is > 0m ? actual * 100m / target.Value : null;

    /// <summary>「120.0%」 with one decimal (half away from zero); 「—」 when there is no rate.</summary>
    public static string Format(decimal? rate) =>
        rate is { } value
            ? Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : "—";

    public static string Show(decimal actual, decimal? target) => Format(Rate(actual, target));
}
