using AllianceKpi.Domain.Kpi;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>Rule 5's "same company", as the engine and the member form's warning both use it.</summary>
public sealed class CompanyIdentityTests
{
    public static TheoryData<string?, string?, string?, string?, bool> Pairs => new()
    {
        // 統一編號 (tax id), name, other tax id, other name, same company
        { null, "台灣 積體電路", null, "台灣積體電路", true },
        { null, "台灣\u3000積體電路", null, "台灣積體電路", true },
        { null, "ＡＢＣ精密１號", null, "abc精密1號", true },
        { null, " 甲公司 ", "22099131", "甲公司", true },
        { "22099131", "甲公司", "10458574", "甲公司", false },
        { "22099131", "甲公司", " 22099131 ", "乙公司", true },
        { null, "甲公司", null, "甲公司二廠", false },
        { "1234", "甲公司", null, "甲公司", true },
        { null, "", null, "  ", false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TwoEntriesAreTheSameCompanyByTaxIdOrElseByTheirFoldedName(string? taxId, string? name, string? otherTaxId,
        string? otherName, bool same) =>
        Assert.Equal(same, CompanyIdentity.Same(taxId, name, otherTaxId, otherName));
}
