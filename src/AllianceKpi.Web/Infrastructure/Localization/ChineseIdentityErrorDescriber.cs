using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Infrastructure.Localization;

/// <summary>Identity's messages in Traditional Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "發生未預期的錯誤，請稍後再試。");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "資料已被其他人修改，請重新整理後再試。");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "密碼不正確。");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "連結無效或已過期，請向計畫辦公室索取新的連結。");
    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "此登入方式已被其他帳號使用。");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"帳號「{userName}」格式不正確。");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"電子信箱「{email}」格式不正確。");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"帳號「{userName}」已被註冊。");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"電子信箱「{email}」已被註冊。");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"角色名稱「{role}」不正確。");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"角色「{role}」已存在。");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "此帳號已設定密碼。");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "此帳號未啟用鎖定功能。");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"帳號已具有「{role}」角色。");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"帳號不具有「{role}」角色。");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密碼至少需 {length} 個字元。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密碼至少需包含 {uniqueChars} 種不同字元。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密碼至少需包含一個符號。");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密碼至少需包含一個數字（0-9）。");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密碼至少需包含一個小寫英文字母（a-z）。");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密碼至少需包含一個大寫英文字母（A-Z）。");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "復原碼無效。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
