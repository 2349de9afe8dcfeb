using AllianceKpi.Domain.Content;
using AllianceKpi.Domain.Projects;

namespace AllianceKpi.Domain.Tests.Projects;

public sealed class AllianceProfileTests
{
    private static AllianceProfile Valid() => new()
    {
        AllianceName = "智慧醫材示範產學聯盟",
        Website = "https://alliance.example.tw/",
        PrimaryIndustryCode = "C20",
    };

    [Fact]
    public void ACompleteProfileHasNoViolations() => Assert.Empty(Valid().Check());

    [Fact]
    public void ThePrimaryIndustryIsRequired()
    {
        var profile = Valid();
        profile.PrimaryIndustryCode = null;
        var violation = Assert.Single(profile.Check());
        Assert.Equal(nameof(AllianceProfile.PrimaryIndustryCode), violation.Field);
        Assert.Contains("此欄必填", violation.Message);
    }

    [Theory]
    [InlineData("www.alliance.tw")]
    [InlineData("ftp://web.etop.org.tw/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://")]
    public void AWebsiteMustBeAnHttpAddress(string website)
    {
        var profile = Valid();
        profile.Website = website;
        Assert.Equal(nameof(AllianceProfile.Website), Assert.Single(profile.Check()).Field);
    }

    [Fact]
    public void AnUnknownIndustryCodeIsRefused()
    {
        var profile = Valid();
        profile.SecondaryIndustryCode1 = "Z9";
        Assert.Equal(nameof(AllianceProfile.SecondaryIndustryCode1), Assert.Single(profile.Check()).Field);
    }

    [Fact]
    public void TheTwoSecondaryIndustriesMustDiffer()
    {
        var profile = Valid();
        profile.SecondaryIndustryCode1 = "C27";
        profile.SecondaryIndustryCode2 = "C27";
        Assert.Equal(nameof(AllianceProfile.SecondaryIndustryCode2), Assert.Single(profile.Check()).Field);
    }

    [Fact]
    public void PinnedNewsComesFirstThenTheNewest()
    {
        var items = new[]
        {
            new NewsItem { Id = 1, Title = "old", PublishedOn = new DateOnly(2020, 1, 1) },
            new NewsItem { Id = 2, Title = "pinned", PublishedOn = new DateOnly(2019, 1, 1), IsPinned = true },
            new NewsItem { Id = 3, Title = "new", PublishedOn = new DateOnly(2021, 1, 1) },
        };
        Assert.Equal(["pinned", "new", "old"], NewsItem.InDisplayOrder(items).Select(n => n.Title));
    }

    [Fact]
    public void StatusesAndRolesHaveTheSeedsLabels()
    {
        Assert.Equal("執行中", ProjectStatus.Running.Label());
        Assert.Equal("已結束", ProjectStatus.Ended.Label());
        Assert.Equal("審查未通過", ProjectStatus.Rejected.Label());
        Assert.Equal("計畫主持人", ProjectRole.PrincipalInvestigator.Label());
        Assert.Equal("計畫助理", ProjectRole.Assistant.Label());
    }
}
