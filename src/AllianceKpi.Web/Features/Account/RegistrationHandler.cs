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

/// <summary>
/// Registers an assistant. A taken e-mail is only mentioned once everything else is right, in words that do not echo it, so a
/// wrong password or phone reads the same for a registered e-mail and a new one (decision 0020).
/// </summary>
public sealed class RegistrationHandler(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock, ILogger<RegistrationHandler> logger)
{
    public const string EmailNotAvailable = "無法以此電子信箱註冊。如您已有帳號，請直接登入，或使用登入頁的「忘記密碼」重設密碼。";

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
            return WithoutAccountHints(result);
        }
        logger.LogInformation("User {UserId} registered", user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        return [];
    }

    private static IReadOnlyList<DomainViolation> WithoutAccountHints(IdentityResult result)
    {
        var taken = result.Errors.Where(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)).ToList();
        var others = IdentityResult.Failed(result.Errors.Except(taken).ToArray());
        if (others.Errors.Any())
        {
            return IdentityErrorFields.ToViolations(others, nameof(RegisterForm.Email), nameof(RegisterForm.Password));
        }
        return [new DomainViolation(nameof(RegisterForm.Email), EmailNotAvailable)];
    }
}
