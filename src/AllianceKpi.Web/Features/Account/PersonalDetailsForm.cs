using System.ComponentModel.DataAnnotations;
using AllianceKpi.Infrastructure.Identity;

namespace AllianceKpi.Web.Features.Account;

/// <summary>The personal details both 註冊 and 個人資料設定 ask for, with the seed's formats and their messages.</summary>
public abstract class PersonalDetailsForm
{
    [Display(Name = "電子信箱")]
    [Required(ErrorMessage = "請輸入電子信箱。")]
    [EmailAddress(ErrorMessage = "電子信箱格式不正確。")]
    [StringLength(256, ErrorMessage = "電子信箱最多 256 個字元。")]
    public string? Email { get; set; }

    [Display(Name = "姓名")]
    [Required(ErrorMessage = "請輸入姓名。")]
    [StringLength(AppUser.MaxNameLength, ErrorMessage = "姓名最多 100 個字元。")]
    public string? DisplayName { get; set; }

    [Display(Name = "學校")]
    [Required(ErrorMessage = "請輸入學校。")]
    [StringLength(100, ErrorMessage = "學校最多 100 個字元。")]
    public string? School { get; set; }

    [Display(Name = "系所")]
    [Required(ErrorMessage = "請輸入系所。")]
    [StringLength(100, ErrorMessage = "系所最多 100 個字元。")]
    public string? Department { get; set; }

    [Display(Name = "電話")]
    [Required(ErrorMessage = "請輸入電話。")]
    [RegularExpression(ContactFormats.Phone, ErrorMessage = ContactFormats.PhoneMessage)]
    [StringLength(50, ErrorMessage = "電話最多 50 個字元。")]
    public string? Phone { get; set; }

    [Display(Name = "手機")]
    [RegularExpression(ContactFormats.Mobile, ErrorMessage = ContactFormats.MobileMessage)]
    public string? Mobile { get; set; }
}
