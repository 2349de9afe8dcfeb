using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AllianceKpi.Domain.Common;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace AllianceKpi.Web.Features.Account;

public abstract class NewPasswordForm
{
    [Display(Name = "新密碼")]
    [Required(ErrorMessage = "請輸入新密碼。")]
    [DataType(DataType.Password)]
    [StringLength(128, ErrorMessage = "密碼最多 128 個字元。")]
    public string? NewPassword { get; set; }

    [Display(Name = "確認新密碼")]
    [Required(ErrorMessage = "請再輸入一次新密碼。")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "兩次輸入的密碼不一致。")]
    public string? ConfirmPassword { get; set; }
}

/// <summary>The form behind the link the office sends with an issued account.</summary>
public sealed class SetPasswordForm : NewPasswordForm
{
    public string? UserId { get; set; }
    public string? Token { get; set; }

    [BindNever, ValidateNever]
    public bool LinkIsValid { get; set; } = true;
}

public sealed class ChangePasswordForm : NewPasswordForm
{
    [Display(Name = "目前密碼")]
    [Required(ErrorMessage = "請輸入目前密碼。")]
    [DataType(DataType.Password)]
    [StringLength(128, ErrorMessage = "密碼最多 128 個字元。")]
    public string? CurrentPassword { get; set; }
}

/// <summary>Setting a password through the office's link, and changing it when signed in.</summary>
public sealed class PasswordHandler(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<PasswordHandler> logger)
{
    public const string InvalidLink = "連結無效或已過期，請向計畫辦公室索取新的連結。";

    public async Task<bool> IsLinkValidAsync(string? userId, string? token)
    {
        var user = await FindAsync(userId);
        return user is not null && !string.IsNullOrEmpty(token)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>Sets the password if the link is still valid, confirms the e-mail and signs the user in. A used link stops working.</summary>
    public async Task<IReadOnlyList<DomainViolation>> SetPasswordAsync(SetPasswordForm form)
    {
        var user = await FindAsync(form.UserId);
        if (user is null || string.IsNullOrEmpty(form.Token))
        {
            return [new("", InvalidLink)];
        }
        var result = await users.ResetPasswordAsync(user, form.Token, form.NewPassword!);
        if (!result.Succeeded)
        {
            return IdentityErrorFields.ToViolations(result, "", nameof(form.NewPassword));
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("User {UserId} set a password through a link", user.Id);
        await signIn.SignInAsync(user, isPersistent: false);
        return [];
    }

    public async Task<IReadOnlyList<DomainViolation>> ChangePasswordAsync(ClaimsPrincipal principal, ChangePasswordForm form)
    {
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            return IdentityErrorFields.ToViolations(result, "", nameof(form.NewPassword), nameof(form.CurrentPassword));
        }
        logger.LogInformation("User {UserId} changed the password", user.Id);
        await signIn.RefreshSignInAsync(user);
        return [];
    }

    private async Task<AppUser?> FindAsync(string? userId) =>
        string.IsNullOrWhiteSpace(userId) ? null : await users.FindByIdAsync(userId);
}
