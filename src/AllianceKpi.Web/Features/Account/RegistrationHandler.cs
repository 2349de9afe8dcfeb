using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Common;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Account;

/// <summary>註冊: an assistant's own account. Every field but the passwords is kept when the form is shown again.</summary>
public sealed class RegisterForm : PersonalDetailsForm
{
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
