using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Domain.Projects;

/// <summary>編輯聯盟基本資訊: the alliance's public profile, one per project.</summary>
public class AllianceProfile : IVersioned
{
    public const int MaxSecondaryIndustries = 2;

    public int ProjectId { get; set; }
    public string AllianceName { get; set; } = "";
    public string? Website { get; set; }
    public string? Introduction { get; set; }
    public string? HowToJoin { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? PrimaryIndustryCode { get; set; }
    public string? SecondaryIndustryCode1 { get; set; }
    public string? SecondaryIndustryCode2 { get; set; }
    public Guid Version { get; set; }

    public IReadOnlyList<DomainViolation> Check()
    {
        var violations = new List<DomainViolation>();
        if (string.IsNullOrWhiteSpace(AllianceName))
        {
            violations.Add(new(nameof(AllianceName), "請輸入聯盟名稱。"));
        }
        if (!string.IsNullOrWhiteSpace(Website) && !IsWebAddress(Website))
        {
            violations.Add(new(nameof(Website), "聯盟網址須以 http:// 或 https:// 開頭。"));
        }
        if (string.IsNullOrWhiteSpace(PrimaryIndustryCode))
        {
            violations.Add(new(nameof(PrimaryIndustryCode), "請選擇聯盟主要產業別（此欄必填）。"));
        }
        foreach (var (field, code) in new[]
                 {
                     (nameof(PrimaryIndustryCode), PrimaryIndustryCode),
                     (nameof(SecondaryIndustryCode1), SecondaryIndustryCode1),
                     (nameof(SecondaryIndustryCode2), SecondaryIndustryCode2),
                 })
        {
            if (!string.IsNullOrWhiteSpace(code) && IndustryClassification.Find(code) is null)
            {
                violations.Add(new(field, "請從清單選擇產業類別。"));
            }
        }
        if (!string.IsNullOrWhiteSpace(SecondaryIndustryCode1) && SecondaryIndustryCode1 == SecondaryIndustryCode2)
        {
            violations.Add(new(nameof(SecondaryIndustryCode2), "兩個次要產業別不可相同。"));
        }
        return violations;
    }

    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}

/// <summary>The alliance's 222×112 PNG banner, shown on the public home page.</summary>
public class AllianceBanner
{
    public const int Width = 222;
    public const int Height = 112;
    public const int MaxBytes = 512 * 1024;

    public int ProjectId { get; set; }
    public byte[] Content { get; set; } = [];
    public string Sha256 { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}
