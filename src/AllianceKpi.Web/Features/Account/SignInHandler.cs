using System.ComponentModel.DataAnnotations;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Account;

public sealed class LoginForm
{
    [Display(Name = "電子信箱")]
    [Required(ErrorMessage = "請輸入電子信箱。")]
    [EmailAddress(ErrorMessage = "電子信箱格式不正確。")]
    [StringLength(256, ErrorMessage = "電子信箱最多 256 個字元。")]
    public string Email { get; set; } = "";

    [Display(Name = "密碼")]
    [Required(ErrorMessage = "請輸入密碼。")]
    [DataType(DataType.Password)]
    [StringLength(128, ErrorMessage = "密碼最多 128 個字元。")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>
/// Checks the password with lockout after repeated failures. No answer tells whether an account exists: an unknown e-mail gets
/// the same message as a wrong password, is locked out after as many failures (<see cref="UnknownEmailFailures"/>), and costs
/// one password hash like a known one; a disabled account is named only to someone who gave its right password.
/// </summary>
public sealed class SignInHandler(
    SignInManager<AppUser> signInManager, UserManager<AppUser> users, UnknownEmailFailures unknownEmails, ILogger<SignInHandler> logger)
{
    public const string WrongCredentials = "電子信箱或密碼不正確。";
    public const string Disabled = "此帳號已停用，如需使用請聯絡系統管理員。";
    public const string LockedOut = "登入失敗次數過多，請 15 分鐘後再試；如忘記密碼，請使用「忘記密碼」或聯絡計畫辦公室。";

    /// <summary>Returns null on success, otherwise the message to show.</summary>
    public async Task<string?> SignInAsync(LoginForm form)
    {
        var email = form.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            logger.LogInformation("Sign-in refused for an unknown e-mail");
            unknownEmails.CostOfAHash(form.Password);
            return unknownEmails.RecordFailure(email, users.Options.Lockout.MaxFailedAccessAttempts) ? LockedOut : WrongCredentials;
        }
        var result = await signInManager.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return null;
        }
        if (result.IsLockedOut && AppUser.IsDisabledLockout(await users.GetLockoutEndDateAsync(user)))
        {
            logger.LogWarning("Disabled account {UserId} tried to sign in", user.Id);
            return await users.CheckPasswordAsync(user, form.Password) ? Disabled : WrongCredentials;
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            return LockedOut;
        }
        logger.LogInformation("Sign-in refused for user {UserId}: wrong password", user.Id);
        return WrongCredentials;
    }

    public Task SignOutAsync() => signInManager.SignOutAsync();
}
