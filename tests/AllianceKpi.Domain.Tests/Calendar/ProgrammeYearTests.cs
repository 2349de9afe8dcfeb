using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Domain.Tests.Calendar;

public sealed class ProgrammeYearTests
{
    [Fact]
    public void StandardWindowsOf2021AreTheSeedsWindows()
    {
        var year = ProgrammeYear.WithStandardWindows(2021);
        Assert.Equal("2021/01/01~2022/01/31", year.ProjectWindow.ToString());
        Assert.Equal("2021/02/01~2022/01/31", year.IncomeWindow.ToString());
        Assert.Equal("2021/01/01~2022/01/31", year.CooperationStartWindow.ToString());
        Assert.Equal(year.ProjectWindow, year.TechTransferWindow);
        Assert.Equal(new DateOnly(2021, 10, 31), year.MemberCutoff);
        Assert.Equal(110, year.RocYear);
        Assert.Empty(year.Check());
    }

    [Fact]
    public void ACutoffOutsideTheProjectWindowIsAViolation()
    {
        var year = ProgrammeYear.WithStandardWindows(2021);
        year.MemberCutoff = new DateOnly(2022, 2, 1);
        var violation = Assert.Single(year.Check());
        Assert.Equal(nameof(ProgrammeYear.MemberCutoff), violation.Field);
        Assert.Contains("2022/02/01", violation.Message);
    }

    [Fact]
    public void AWindowEndingBeforeItStartsIsAViolationOnItsEnd()
    {
        var year = ProgrammeYear.WithStandardWindows(2021);
        year.IncomeEnd = new DateOnly(2021, 1, 31);
        var violation = Assert.Single(year.Check());
        Assert.Equal(nameof(ProgrammeYear.IncomeEnd), violation.Field);
        Assert.Contains("營運收入會計核定日期", violation.Message);
    }

    [Fact]
    public void ADateRangeIncludesBothEnds()
    {
        var range = new DateRange(new DateOnly(2021, 2, 1), new DateOnly(2022, 1, 31));
        Assert.True(range.Contains(new DateOnly(2021, 2, 1)));
        Assert.True(range.Contains(new DateOnly(2022, 1, 31)));
        Assert.False(range.Contains(new DateOnly(2021, 1, 31)));
        Assert.False(range.Contains(new DateOnly(2022, 2, 1)));
    }

    [Fact]
    public void ADateRangeRefusesAnEndBeforeItsStart() =>
        Assert.Throws<ArgumentException>(() => new DateRange(new DateOnly(2021, 2, 2), new DateOnly(2021, 2, 1)));
}
