namespace AllianceKpi.Domain.Reference;

/// <summary>會員所屬地區 as the seed defines it.</summary>
public enum Region
{
    North = 1,
    Central = 2,
    South = 3,
    East = 4,
    Islands = 5,
    Abroad = 6,
}

public static class RegionLabels
{
    public static string Label(this Region region) => region switch
    {
        Region.North => "北部",
        Region.Central => "中部",
        Region.South => "南部",
        Region.East => "東部",
        Region.Islands => "離島",
        Region.Abroad => "國外",
        _ => region.ToString(),
    };

    public static string Description(this Region region) => region switch
    {
        Region.North => "北部地區(宜蘭~新竹)",
        Region.Central => "中部地區(苗栗~雲林)",
        Region.South => "南部地區(嘉義~屏東)",
        Region.East => "東部地區(花蓮~台東)",
        Region.Islands => "離島地區(澎湖、金門、連江)",
        Region.Abroad => "國外",
        _ => region.ToString(),
    };
}

public sealed record City(string Name, Region Region);

/// <summary>Taiwan's cities and counties in the order of the address drop-down, each with its region; 國外 for foreign addresses.</summary>
public static class TaiwanCities
{
    public const string Abroad = "國外";

    public static IReadOnlyList<City> All { get; } =
    [
        new("基隆市", Region.North), new("臺北市", Region.North), new("新北市", Region.North), new("桃園市", Region.North),
        new("新竹市", Region.North), new("新竹縣", Region.North), new("宜蘭縣", Region.North),
        new("苗栗縣", Region.Central), new("臺中市", Region.Central), new("彰化縣", Region.Central), new("南投縣", Region.Central),
        new("雲林縣", Region.Central),
        new("嘉義市", Region.South), new("嘉義縣", Region.South), new("臺南市", Region.South), new("高雄市", Region.South),
        new("屏東縣", Region.South),
        new("花蓮縣", Region.East), new("臺東縣", Region.East),
        new("澎湖縣", Region.Islands), new("金門縣", Region.Islands), new("連江縣", Region.Islands),
        new(Abroad, Region.Abroad),
    ];

    /// <summary>The region suggested for a city; 台 is read as 臺 (台北市 = 臺北市).</summary>
    public static Region? RegionOf(string? cityName)
    {
        if (string.IsNullOrWhiteSpace(cityName))
        {
            return null;
        }
        var normalised = cityName.Trim().Replace('台', '臺');
        return All.FirstOrDefault(c => c.Name == normalised)?.Region;
    }
}
