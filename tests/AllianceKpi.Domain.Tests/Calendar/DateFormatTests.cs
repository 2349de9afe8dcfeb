using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Domain.Tests.Calendar;

public sealed class DateFormatTests
{
    [Theory]
    [InlineData("2021/10/31")]
    [InlineData("2021-10-31")]
    [InlineData(" 2021/10/31 ")]
    public void TypedDatesAreRead(string text)
    {
        Assert.True(DateFormat.TryParse(text, out var day));
        Assert.Equal(new DateOnly(2021, 10, 31), day);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2021/02/30")]
    [InlineData("31/10/2021")]
    [InlineData("110/10/31")]
    [InlineData("tomorrow")]
    public void ImpossibleOrForeignDatesAreRefused(string? text) => Assert.False(DateFormat.TryParse(text, out _));

    [Fact]
    public void DatesAreShownTheProgrammesWay()
    {
        Assert.Equal("2021/03/09", DateFormat.Show(new DateOnly(2021, 3, 9)));
        Assert.Equal("110.01.01", DateFormat.ShowRoc(new DateOnly(2021, 1, 1)));
        Assert.Equal("民國110年", RocCalendar.Label(2021));
    }
}
