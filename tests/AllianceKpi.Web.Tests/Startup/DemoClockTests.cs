using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Startup;

/// <summary>Demo:Today: the clock starts on that Taiwan date at the real time of day and keeps running.</summary>
public sealed class DemoClockTests
{
    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [InlineData("2026-11-29T01:30:00Z", "2021-06-01T01:30:00Z")]
    [InlineData("2026-11-29T20:15:00Z", "2021-05-31T20:15:00Z")]
    public void TheDayIsTheDemoDayInTaiwanAndTheTimeOfDayIsReal(string real, string expected)
    {
        var clock = new DemoClock(new FixedClock(DateTimeOffset.Parse(real)), new DateOnly(2021, 6, 1));

        Assert.Equal(DateTimeOffset.Parse(expected), clock.GetUtcNow());
        Assert.Equal(new DateOnly(2021, 6, 1), clock.TaiwanToday());
    }

    [Fact]
    public void TheDemoClockRunsOnWithTheRealOne()
    {
        var real = new MovableClock(DateTimeOffset.Parse("2026-11-29T02:00:00Z"));
        var clock = new DemoClock(real, new DateOnly(2021, 10, 31));

        real.Now = real.Now.AddHours(20);

        Assert.Equal(new DateOnly(2021, 11, 1), clock.TaiwanToday());
    }
}
