namespace AllianceKpi.Web.Tests.Support;

/// <summary>A clock that stays at one instant, for tests that need a day inside a reporting period.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
