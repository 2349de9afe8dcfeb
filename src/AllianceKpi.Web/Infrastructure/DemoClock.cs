namespace AllianceKpi.Web.Infrastructure;

/// <summary>
/// The portal's clock for a demo of a past programme year: it starts on the configured Taiwan date at the real time of day
/// and runs on in real time, so sessions, autosave and deadlines behave as they would on that day.
/// </summary>
public sealed class DemoClock(TimeProvider real, DateOnly taiwanToday) : TimeProvider
{
    private static readonly TimeSpan Taiwan = TimeSpan.FromHours(8);

    private readonly TimeSpan _shift = Shift(real.GetUtcNow(), taiwanToday);

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + _shift;

    private static TimeSpan Shift(DateTimeOffset utcNow, DateOnly taiwanToday)
    {
        var taiwanNow = utcNow.ToOffset(Taiwan);
        var wanted = new DateTimeOffset(taiwanToday.ToDateTime(TimeOnly.FromTimeSpan(taiwanNow.TimeOfDay)), Taiwan);
        return wanted - taiwanNow;
    }
}
