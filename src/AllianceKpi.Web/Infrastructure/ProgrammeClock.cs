namespace AllianceKpi.Web.Infrastructure;

public static class ProgrammeClock
{
    /// <summary>Today in Taiwan (UTC+8 all year, no daylight saving): the programme's deadlines are Taiwan dates.</summary>
    public static DateOnly TaiwanToday(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
