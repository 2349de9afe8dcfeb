using AllianceKpi.Domain.Websites;

namespace AllianceKpi.Domain.Tests.Websites;

public sealed class WebsiteCheckTests
{
    private static WebsiteCheck Valid() => new()
    {
        ProjectId = 1,
        Month = new DateOnly(2021, 6, 1),
        CheckedOn = new DateOnly(2021, 6, 15),
        LastUpdatedOn = new DateOnly(2021, 6, 15),
        Note = new string('註', WebsiteCheck.MaxNoteLength),
    };

    [Fact]
    public void ACheckWithinItsMonthHasNoViolations() => Assert.Empty(Valid().Check());

    [Fact]
    public void ACheckDatedBeforeItsMonthIsRefused()
    {
        var check = Valid();
        check.CheckedOn = new DateOnly(2021, 5, 31);
        check.LastUpdatedOn = null;
        Assert.Equal([new("CheckedOn", "抽查日期不可早於抽查月份。")], check.Check());
    }

    [Fact]
    public void ALastUpdateAfterTheCheckIsRefused()
    {
        var check = Valid();
        check.LastUpdatedOn = new DateOnly(2021, 6, 16);
        Assert.Equal([new("LastUpdatedOn", "最近更新日期不可晚於抽查日期。")], check.Check());
    }

    [Fact]
    public void ANoteLongerThan500CharactersIsRefused()
    {
        var check = Valid();
        check.Note += "字";
        Assert.Equal([new("Note", "備註最多 500 個字。")], check.Check());
    }

    [Theory]
    [InlineData("2021-06", 2021, 6)]
    [InlineData("2021/6", 2021, 6)]
    [InlineData(" 2021-12 ", 2021, 12)]
    public void MonthsAreReadAsTheirFirstDay(string text, int year, int month)
    {
        Assert.True(MonthText.TryParse(text, out var parsed));
        Assert.Equal(new DateOnly(year, month, 1), parsed);
        Assert.Equal($"{year}-{month:00}", MonthText.Show(parsed));
    }

    [Theory]
    [InlineData("2021-13")]
    [InlineData("2021-00")]
    [InlineData("06-2021")]
    [InlineData("2021-06-01")]
    [InlineData("1999-06")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherMonthTextsAreRefused(string? text) => Assert.False(MonthText.TryParse(text, out _));
}
