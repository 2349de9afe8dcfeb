using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Domain.Tests.Calendar;

public sealed class ReportingPeriodTests
{
    private static ReportingPeriod FirstReport(ReportingPeriodState state = ReportingPeriodState.Open) => new()
    {
        Kind = ReportingPeriodKind.FirstReport,
        Name = ReportingPeriod.StandardName(2021, ReportingPeriodKind.FirstReport),
        OpensOn = new DateOnly(2021, 2, 1),
        Deadline = ReportingPeriod.StandardDeadline(2021, ReportingPeriodKind.FirstReport),
        State = state,
    };

    [Fact]
    public void StandardNamesAreTheSeedsNames()
    {
        Assert.Equal("2021年產學小聯盟預期成果綜整表", ReportingPeriod.StandardName(2021, ReportingPeriodKind.ExpectedResults));
        Assert.Equal("2021年產學小聯盟第一次(3)成果綜整表", ReportingPeriod.StandardName(2021, ReportingPeriodKind.FirstReport));
        Assert.Equal("2021年產學小聯盟第二次成果綜整表", ReportingPeriod.StandardName(2021, ReportingPeriodKind.SecondReport));
    }

    [Theory]
    [InlineData(ReportingPeriodKind.FirstReport, "2021/10/31")]
    [InlineData(ReportingPeriodKind.SecondReport, "2022/01/31")]
    [InlineData(ReportingPeriodKind.FinalReport, "2022/04/30")]
    public void StandardDeadlinesFollowTheSeedsSchedule(ReportingPeriodKind kind, string deadline) =>
        Assert.Equal(deadline, DateFormat.Show(ReportingPeriod.StandardDeadline(2021, kind)));

    [Fact]
    public void AnOpenPeriodAcceptsReportsUpToAndIncludingItsDeadline()
    {
        var period = FirstReport();
        Assert.True(period.AcceptsReportsOn(new DateOnly(2021, 2, 1)));
        Assert.True(period.AcceptsReportsOn(new DateOnly(2021, 10, 31)));
        Assert.False(period.AcceptsReportsOn(new DateOnly(2021, 11, 1)));
        Assert.False(period.AcceptsReportsOn(new DateOnly(2021, 1, 31)));
    }

    [Theory]
    [InlineData(ReportingPeriodState.Planned)]
    [InlineData(ReportingPeriodState.Closed)]
    public void APeriodThatIsNotOpenAcceptsNoReports(ReportingPeriodState state) =>
        Assert.False(FirstReport(state).AcceptsReportsOn(new DateOnly(2021, 6, 1)));

    [Fact]
    public void ADeadlineBeforeTheOpeningDayIsAViolation()
    {
        var period = FirstReport();
        period.Deadline = new DateOnly(2021, 1, 1);
        Assert.Equal(nameof(ReportingPeriod.Deadline), Assert.Single(period.Check()).Field);
    }
}
