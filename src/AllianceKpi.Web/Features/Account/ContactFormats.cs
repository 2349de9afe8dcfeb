using AllianceKpi.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Account;

/// <summary>Formats of the contact fields shared by 註冊 and 個人資料設定.</summary>
public static class ContactFormats
{
    /// <summary>Area code, number, optional extensions: 06-3345678, 06-3345678#9999, 06-3345678#9999#123.</summary>
    public const string Phone = @"^0\d{1,3}-\d{5,8}(#\d{1,6})*$";
    public const string PhoneMessage = "電話格式不正確，請依 06-3345678#9999 的格式輸入（區碼-號碼#分機）。";

    /// <summary>09xx-123456.</summary>
    public const string Mobile = @"^09\d{2}-\d{6}$";
    public const string MobileMessage = "手機格式不正確，請依 09xx-123456 的格式輸入。";

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Identity's errors, each put next to the field it concerns; the e-mail is also the user name, so a user-name error repeats an e-mail error.</summary>
public static class IdentityErrorFields
{
    private const string DuplicateEmail = nameof(IdentityErrorDescriber.DuplicateEmail);
    private const string InvalidEmail = nameof(IdentityErrorDescriber.InvalidEmail);
    private const string DuplicateUserName = nameof(IdentityErrorDescriber.DuplicateUserName);
    private const string InvalidUserName = nameof(IdentityErrorDescriber.InvalidUserName);
    private const string PasswordMismatch = nameof(IdentityErrorDescriber.PasswordMismatch);

    public static IReadOnlyList<DomainViolation> ToViolations(IdentityResult result, string emailField, string passwordField, string currentPasswordField = "")
    {
        var hasEmailError = result.Errors.Any(e => e.Code is DuplicateEmail or InvalidEmail);
        var violations = new List<DomainViolation>();
        foreach (var error in result.Errors)
        {
            var isUserNameError = error.Code is DuplicateUserName or InvalidUserName;
            if (isUserNameError && hasEmailError)
            {
                continue;
            }
            var field = error.Code switch
            {
                PasswordMismatch => currentPasswordField,
                DuplicateEmail or InvalidEmail or DuplicateUserName or InvalidUserName => emailField,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                _ => "",
            };
            violations.Add(new DomainViolation(field, error.Description));
        }
        return violations;
    }
}
