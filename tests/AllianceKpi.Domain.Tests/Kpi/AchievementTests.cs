using AllianceKpi.Domain.Kpi;

namespace AllianceKpi.Domain.Tests.Kpi;

public sealed class AchievementTests
{
    public static TheoryData<decimal, decimal?, string> Rates => new()
    {
        { 12m, 10m, "120.0%" },
        { 10m, 10m, "100.0%" },
        { 0m, 10m, "0.0%" },
        { 1m, 3m, "33.3%" },
        { 2m, 3m, "66.7%" },
        { 1m, 8m, "12.5%" },
        { 1m, 16m, "6.3%" },
        { 1234.5m, 1000m, "123.5%" },
        { 5m, 0m, "—" },
        { 5m, null, "—" },
        { 5m, -1m, "—" },
    };

    [Theory]
    [MemberData(nameof(Rates))]
    public void TheRateIsActualOverTargetInPercentWithOneDecimal(decimal actual, decimal? target, string shown) =>
        Assert.Equal(shown, Achievement.Show(actual, target));

    [Fact]
    public void ThereIsNoRateWithoutATarget()
    {
        Assert.Null(Achievement.Rate(3, 0));
        Assert.Null(Achievement.Rate(3, null));
        Assert.Equal(150m, Achievement.Rate(3, 2));
    }
}
