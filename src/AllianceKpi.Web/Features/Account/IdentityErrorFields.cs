using AllianceKpi.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Account;

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
