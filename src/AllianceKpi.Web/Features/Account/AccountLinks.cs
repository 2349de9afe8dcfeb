namespace AllianceKpi.Web.Features.Account;

/// <summary>
/// Links that other slices put in e-mails. Contract shared with the office's bulk import of PI accounts:
/// the path takes the user id and the token of UserManager.GeneratePasswordResetTokenAsync, escaped.
/// </summary>
public static class AccountLinks
{
    public static string SetPasswordPath(string userId, string token) =>
        $"/account/set-password?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
}
