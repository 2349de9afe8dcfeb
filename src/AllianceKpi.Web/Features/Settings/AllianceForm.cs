using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Reference;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>編輯聯盟基本資訊. Required fields, the web address and the industries are checked by <see cref="AllianceProfile.Check"/>.</summary>
public sealed class AllianceForm
{
    public Guid? Version { get; set; }

    [StringLength(200, ErrorMessage = "聯盟名稱最多 200 個字元。")]
    public string? AllianceName { get; set; }

    [StringLength(500, ErrorMessage = "聯盟網址最多 500 個字元。")]
    public string? Website { get; set; }

    [StringLength(2000, ErrorMessage = "聯盟簡介最多 2000 個字元。")]
    public string? Introduction { get; set; }

    [StringLength(2000, ErrorMessage = "聯盟加入方法最多 2000 個字元。")]
    public string? HowToJoin { get; set; }

    [StringLength(100, ErrorMessage = "聯絡人名稱最多 100 個字元。")]
    public string? ContactName { get; set; }

    [StringLength(50, ErrorMessage = "聯絡人電話最多 50 個字元。")]
    public string? ContactPhone { get; set; }

    [EmailAddress(ErrorMessage = "聯絡人Email格式不正確。")]
    [StringLength(256, ErrorMessage = "聯絡人Email最多 256 個字元。")]
    public string? ContactEmail { get; set; }

    public string? PrimaryIndustryCode { get; set; }
    public string? SecondaryIndustryCode1 { get; set; }
    public string? SecondaryIndustryCode2 { get; set; }

    /// <summary>What the page shows but the PI does not edit; refilled by the handler on every display.</summary>
    [BindNever, ValidateNever]
    public AllianceFacts Facts { get; set; } = AllianceFacts.None;

    /// <summary>The banner file field (posted to its own action); here so its message shows next to it.</summary>
    [BindNever, ValidateNever]
    public IFormFile? Banner { get; set; }

    public static AllianceForm From(AllianceProfile? profile) => profile is null ? new AllianceForm() : new AllianceForm
    {
        Version = profile.Version,
        AllianceName = profile.AllianceName,
        Website = profile.Website,
        Introduction = profile.Introduction,
        HowToJoin = profile.HowToJoin,
        ContactName = profile.ContactName,
        ContactPhone = profile.ContactPhone,
        ContactEmail = profile.ContactEmail,
        PrimaryIndustryCode = profile.PrimaryIndustryCode,
        SecondaryIndustryCode1 = profile.SecondaryIndustryCode1,
        SecondaryIndustryCode2 = profile.SecondaryIndustryCode2,
    };

    public AllianceProfile ApplyTo(AllianceProfile profile)
    {
        profile.AllianceName = AllianceName?.Trim() ?? "";
        profile.Website = Blank(Website);
        profile.Introduction = Blank(Introduction);
        profile.HowToJoin = Blank(HowToJoin);
        profile.ContactName = Blank(ContactName);
        profile.ContactPhone = Blank(ContactPhone);
        profile.ContactEmail = Blank(ContactEmail);
        profile.PrimaryIndustryCode = Blank(PrimaryIndustryCode);
        profile.SecondaryIndustryCode1 = Blank(SecondaryIndustryCode1);
        profile.SecondaryIndustryCode2 = Blank(SecondaryIndustryCode2);
        return profile;
    }

    /// <summary>The business rules, on a copy: nothing is changed.</summary>
    public IReadOnlyList<DomainViolation> Check() => ApplyTo(new AllianceProfile()).Check();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record BannerFacts(string Sha256, DateTime UploadedAt);

public sealed record AllianceFacts(int ProjectId, string Number, string ProjectName, string PiName, IReadOnlyList<SelectListItem> Industries, BannerFacts? Banner)
{
    public static readonly AllianceFacts None = new(0, "", "", "", [], null);
}

/// <summary>The 行業標準分類 drop-down: one &lt;optgroup&gt; per section.</summary>
public static class IndustryOptions
{
    public static IReadOnlyList<SelectListItem> Build()
    {
        var groups = new Dictionary<string, SelectListGroup>();
        return IndustryClassification.All.Select(c => new SelectListItem(c.Display, c.Code)
        {
            Group = groups.TryGetValue(c.Section, out var group) ? group : groups[c.Section] = new SelectListGroup { Name = $"({c.Section}){c.SectionName}" },
        }).ToList();
    }
}
