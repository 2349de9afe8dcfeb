using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Tests.Text;

/// <summary>One rule for the browser's counter and the server: user-perceived characters after CRLF/CR → LF.</summary>
public sealed class TextLengthTests
{
    /// <summary>Each unit is one user-perceived character, whatever it takes in UTF-16.</summary>
    public static TheoryData<string, string> OneCharacter => new()
    {
        { "ASCII letter", "a" },
        { "ASCII space", " " },
        { "CJK ideograph", "字" },
        { "full-width punctuation", "，" },
        { "CJK extension B (surrogate pair)", "𠀀" },
        { "CJK extension B, another", "𪚥" },
        { "Bopomofo", "ㄅ" },
        { "emoji", "😀" },
        { "emoji with skin tone", "👍🏽" },
        { "emoji with variation selector", "❤️" },
        { "keycap", "1️⃣" },
        { "ZWJ family", "👨‍👩‍👧‍👦" },
        { "ZWJ profession with skin tone", "👩🏽‍💻" },
        { "flag of Taiwan", "🇹🇼" },
        { "flag of Japan", "🇯🇵" },
        { "subdivision flag (tag sequence)", "🏴󠁧󠁢󠁳󠁣󠁴󠁿" },
        { "e with combining acute", "e\u0301" },
        { "letter with three combining marks", "a\u0300\u0301\u0302" },
        { "Hangul syllable from jamo", "\u1100\u1161\u11A8" },
        { "LF", "\n" },
        { "CRLF", "\r\n" },
        { "lone CR", "\r" },
    };

    [Theory]
    [MemberData(nameof(OneCharacter))]
    public void EachOfTheseCountsAsOneCharacter(string what, string unit) =>
        Assert.True(TextLength.Count(unit) == 1, $"{what} counted {TextLength.Count(unit)}");

    [Theory]
    [MemberData(nameof(OneCharacter))]
    public void ExactlyTheLimitFitsAndOneMoreDoesNot(string what, string unit)
    {
        foreach (var limit in new[] { TextLimits.Narrative, TextLimits.Item8Narrative })
        {
            var full = string.Concat(Enumerable.Repeat(unit, limit));
            Assert.True(TextLength.Fits(full, limit), $"{what} × {limit} should fit");
            Assert.Equal(0, TextLength.Remaining(full, limit));
            Assert.False(TextLength.Fits(full + unit, limit), $"{what} × {limit + 1} should not fit");
            Assert.Equal(-1, TextLength.Remaining(full + unit, limit));
        }
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("產學小聯盟", 5)]
    [InlineData("會員 10 家。", 8)]
    [InlineData("👨‍👩‍👧‍👦🇹🇼字", 3)]
    [InlineData("第一行\r\n第二行", 7)]
    [InlineData("第一行\n第二行", 7)]
    [InlineData("第一行\r第二行", 7)]
    [InlineData("\r\n\r\n", 2)]
    [InlineData("\n\r", 2)]
    [InlineData("Cafe\u0301 𠀀", 6)]
    public void TextsCountAsAReaderWouldCountThem(string? text, int expected) =>
        Assert.Equal(expected, TextLength.Count(text));

    [Fact]
    public void WindowsAndUnixLineBreaksGiveTheSameCountAndTheSameStoredText()
    {
        var windows = "1. 招募會員\r\n2. 推廣活動\r\n";
        var unix = "1. 招募會員\n2. 推廣活動\n";
        Assert.Equal(TextLength.Count(unix), TextLength.Count(windows));
        Assert.Equal(unix, TextLength.Normalise(windows));
        Assert.Equal("a\nb", TextLength.Normalise("a\rb"));
    }

    [Fact]
    public void ALimitFullOfLineBreaksTypedOnWindowsFits()
    {
        var text = string.Concat(Enumerable.Repeat("一\r\n", 250));
        Assert.Equal(500, TextLength.Count(text));
        Assert.True(TextLength.Fits(text, TextLimits.Narrative));
        Assert.False(TextLength.Fits(text + "二", TextLimits.Narrative));
    }

    [Fact]
    public void NullAndEmptyFitAnyLimit()
    {
        Assert.True(TextLength.Fits(null, 0));
        Assert.True(TextLength.Fits("", 0));
        Assert.Equal(500, TextLength.Remaining(null, 500));
    }

    [Fact]
    public void AFewCharactersLoadedWithThousandsOfCombiningMarksAreRefused()
    {
        var zalgo = "a" + new string('\u0301', 2000);
        Assert.Equal(1, TextLength.Count(zalgo));
        Assert.False(TextLength.Fits(zalgo, 100));
        Assert.Contains("組合符號", TextLength.Check("x", "簡要差異分析", zalgo, 100)!.Message);
    }

    [Fact]
    public void TheLongestRealEmojiFillTheLimitWithoutTrippingTheGuard()
    {
        var flags = string.Concat(Enumerable.Repeat("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 500));
        Assert.True(TextLength.Fits(flags, 500));
    }

    [Fact]
    public void ATooLongTextIsAViolationNamingTheLimitTheCountAndTheExcess()
    {
        var violation = TextLength.Check("item1.narrative", "計畫執行達成狀況/其它", new string('字', 503), 500);
        Assert.NotNull(violation);
        Assert.Equal("item1.narrative", violation.Field);
        Assert.Equal("「計畫執行達成狀況/其它」字數限制500字元，目前503字，超過3字。", violation.Message);
        Assert.Null(TextLength.Check("item1.narrative", "計畫執行達成狀況/其它", new string('字', 500), 500));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("\r\n\t\u3000", true)]
    [InlineData("無", false)]
    public void BlankMeansNothingButWhiteSpace(string? text, bool blank) =>
        Assert.Equal(blank, TextLength.IsBlank(text));

    [Fact]
    public void TheLimitsAreTheSeeds()
    {
        Assert.Equal(500, TextLimits.Narrative);
        Assert.Equal(1000, TextLimits.Item8Narrative);
        Assert.Equal(500, TextLimits.DifferenceAnalysis);
        Assert.Equal(500, TextLimits.ExpectedNote);
        Assert.Equal(500, TextLimits.ReturnReason);
    }
}
