using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AllianceKpi.Domain.Common;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>個人資料設定. The e-mail is also the sign-in name.</summary>
public sealed class ProfileForm : PersonalDetailsForm
{
    [Display(Name = "備用信箱")]
    [Required(ErrorMessage = "請輸入備用信箱。")]
    [EmailAddress(ErrorMessage = "備用信箱格式不正確。")]
    [StringLength(256, ErrorMessage = "備用信箱最多 256 個字元。")]
    public string? BackupEmail { get; set; }
}

public sealed class ProfileHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ProfileHandler> logger)
{
    public const string EmailTaken = "此電子信箱已被其他帳號使用，請改用其他信箱。";

    public async Task<ProfileForm> FormAsync(ClaimsPrincipal principal)
    {
        var user = await CurrentAsync(principal);
        return new ProfileForm
        {
            Email = user.Email,
            BackupEmail = user.BackupEmail,
            DisplayName = user.DisplayName,
            School = user.School,
            Department = user.Department,
            Phone = user.PhoneNumber,
            Mobile = user.Mobile,
        };
    }

    /// <summary>Saves the profile; a new e-mail becomes the sign-in name, renews the security stamp and the sign-in cookie.</summary>
    public async Task<IReadOnlyList<DomainViolation>> SaveAsync(ClaimsPrincipal principal, ProfileForm form)
    {
        var user = await CurrentAsync(principal);
        var email = form.Email!.Trim();
        var holder = await users.FindByEmailAsync(email);
        if (holder is not null && holder.Id != user.Id)
        {
            return [new(nameof(ProfileForm.Email), EmailTaken)];
        }
        var emailChanged = !string.Equals(user.Email, email, StringComparison.Ordinal);
        user.Email = email;
        user.UserName = email;
        user.BackupEmail = form.BackupEmail!.Trim();
        user.DisplayName = form.DisplayName!.Trim();
        user.School = form.School!.Trim();
        user.Department = form.Department!.Trim();
        user.PhoneNumber = form.Phone!.Trim();
        user.Mobile = ContactFormats.Blank(form.Mobile);
        var result = emailChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return IdentityErrorFields.ToViolations(result, nameof(ProfileForm.Email), "");
        }
        if (emailChanged)
        {
            logger.LogInformation("User {UserId} changed the sign-in e-mail", user.Id);
        }
        await signIn.RefreshSignInAsync(user);
        return [];
    }

    private async Task<AppUser> CurrentAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
}
