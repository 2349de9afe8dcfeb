using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Common;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Account;

/// <summary>註冊: an assistant's own account. Every field but the passwords is kept when the form is shown again.</summary>
public sealed class RegisterForm
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

    [Display(Name = "密碼")]
    [Required(ErrorMessage = "請輸入密碼。")]
    [DataType(DataType.Password)]
    [StringLength(128, ErrorMessage = "密碼最多 128 個字元。")]
    public string? Password { get; set; }

    [Display(Name = "確認密碼")]
    [Required(ErrorMessage = "請再輸入一次密碼。")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "兩次輸入的密碼不一致。")]
    public string? ConfirmPassword { get; set; }
}

public sealed class RegistrationHandler(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock, ILogger<RegistrationHandler> logger)
{
    /// <summary>Creates the account (no project role, no programme role) and signs it in; returns the violations otherwise.</summary>
    public async Task<IReadOnlyList<DomainViolation>> RegisterAsync(RegisterForm form)
    {
        var email = form.Email!.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            BackupEmail = email,
            DisplayName = form.DisplayName!.Trim(),
            School = form.School!.Trim(),
            Department = form.Department!.Trim(),
            PhoneNumber = form.Phone!.Trim(),
            Mobile = ContactFormats.Blank(form.Mobile),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, form.Password!);
        if (!result.Succeeded)
        {
            return IdentityErrorFields.ToViolations(result, nameof(RegisterForm.Email), nameof(RegisterForm.Password));
        }
        logger.LogInformation("User {UserId} registered", user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        return [];
    }
}
