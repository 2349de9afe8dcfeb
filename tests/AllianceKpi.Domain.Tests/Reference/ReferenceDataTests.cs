using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Domain.Tests.Reference;

public sealed class ReferenceDataTests
{
    [Fact]
    public void TheFirstIndustryIsShownAsTheSeedShowsIt() =>
        Assert.Equal("(A1)農、牧業", IndustryClassification.All[0].Display);

    [Fact]
    public void EverySectionFromAToSIsPresent()
    {
        var sections = IndustryClassification.All.Select(c => c.Section).Distinct();
        Assert.Equal("ABCDEFGHIJKLMNOPQRS".Select(c => c.ToString()), sections);
    }

    [Fact]
    public void IndustryCodesAreUniqueAndFoundCaseInsensitively()
    {
        Assert.Equal(IndustryClassification.All.Count, IndustryClassification.All.Select(c => c.Code).Distinct().Count());
        Assert.Equal("電腦、電子產品及光學製品製造業", IndustryClassification.Find("c20")?.Name);
        Assert.Null(IndustryClassification.Find("Z1"));
        Assert.Equal("", IndustryClassification.DisplayOf(null));
    }

    [Fact]
    public void ManufacturingHasItsTwentySevenDivisions() =>
        Assert.Equal(27, IndustryClassification.All.Count(c => c.Section == "C"));

    [Theory]
    [InlineData("宜蘭縣", Region.North)]
    [InlineData("新竹縣", Region.North)]
    [InlineData("苗栗縣", Region.Central)]
    [InlineData("雲林縣", Region.Central)]
    [InlineData("嘉義市", Region.South)]
    [InlineData("屏東縣", Region.South)]
    [InlineData("花蓮縣", Region.East)]
    [InlineData("台東縣", Region.East)]
    [InlineData("金門縣", Region.Islands)]
    [InlineData("國外", Region.Abroad)]
    [InlineData("台北市", Region.North)]
    public void CitiesSuggestTheSeedsRegions(string city, Region region) =>
        Assert.Equal(region, TaiwanCities.RegionOf(city));

    [Fact]
    public void AnUnknownCitySuggestsNoRegion()
    {
        Assert.Null(TaiwanCities.RegionOf("東京都"));
        Assert.Null(TaiwanCities.RegionOf(""));
    }

    [Fact]
    public void RegionsDescribeTheirCities() =>
        Assert.Equal("北部地區(宜蘭~新竹)", Region.North.Description());
}
