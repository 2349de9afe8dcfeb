using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Domain.Tests.Reference;

/// <summary>
/// 統一編號: digits × 1,2,1,2,1,2,4,1, digits of each product added; valid when the sum is divisible by 5, or, when the
/// seventh digit is 7, when sum + 1 is.
/// </summary>
public sealed class TaxIdTests
{
    [Theory]
    // 2,2,0,9,9,1,3,1 → 2,4,0,18,9,2,12,1 → 2+4+0+9+9+2+3+1 = 30
    [InlineData("22099131")]
    // 0,4,5,9,5,2,5,7 → 0,8,5,18,5,4,20,7 → 0+8+5+9+5+4+2+7 = 40
    [InlineData("04595257")]
    // 5,3,2,1,2,5,3,9 → 5,6,2,2,2,10,12,9 → 5+6+2+2+2+1+3+9 = 30
    [InlineData("53212539")]
    // 0,1,2,3,4,5,6,4 → 0,2,2,6,4,10,24,4 → 0+2+2+6+4+1+6+4 = 25: divisible by 5 only (valid since 2023)
    [InlineData("01234564")]
    // seventh digit 7: 1,0,4,5,8,5,7,5 → 1,0,4,10,8,10,28,5 → 1+0+4+1+8+1+10+5 = 30
    [InlineData("10458575")]
    // seventh digit 7: sum 29, and 29 + 1 = 30
    [InlineData("10458574")]
    // seventh digit 7: 1,0,0,0,0,0,7,3 → 1+0+0+0+0+0+10+3 = 14, and 14 + 1 = 15
    [InlineData("10000073")]
    [InlineData(" 22099131 ")]
    public void ANumberPassingTheChecksumIsValid(string taxId) => Assert.True(TaxId.IsValid(taxId));

    [Theory]
    // sum 31
    [InlineData("22099132")]
    // sum 41
    [InlineData("04595258")]
    // seventh digit 7: sum 28, 28 + 1 = 29
    [InlineData("10458573")]
    // 1,2,3,4,5,6,8,5 → 1,4,3,8,5,12,32,5 → 1+4+3+8+5+3+5+5 = 34
    [InlineData("12345685")]
    [InlineData("2209913")]
    [InlineData("220991311")]
    [InlineData("2209913A")]
    [InlineData("２２０９９１３１")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElseIsInvalid(string? taxId) => Assert.False(TaxId.IsValid(taxId));
}
