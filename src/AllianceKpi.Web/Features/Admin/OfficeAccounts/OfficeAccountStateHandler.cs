using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Admin.OfficeAccounts;

public enum StateChange
{
    NotFound = 1,
    Refused = 2,
    Done = 3,
}

public sealed record StateChangeOutcome(StateChange Result, string Message = "");

/// <summary>
/// Disables an office or administrator account (locked out until far in the future, security stamp renewed so its sessions end at
/// their next check) and enables it again. Only office and administrator accounts; never one's own.
/// </summary>
public sealed class OfficeAccountStateHandler(UserManager<AppUser> users, ILogger<OfficeAccountStateHandler> logger)
{
    public static OfficeAccountState StateOf(DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        lockoutEnd is not { } end || end <= now ? OfficeAccountState.Active
        : AppUser.IsDisabledLockout(end) ? OfficeAccountState.Disabled
        : OfficeAccountState.TemporarilyLocked;

    public async Task<StateChangeOutcome> DisableAsync(string userId, string currentUserId)
    {
        var user = await OfficeAccountAsync(userId);
        if (user is null)
        {
            return new(StateChange.NotFound);
        }
        if (user.Id == currentUserId)
        {
            return new(StateChange.Refused, "不可停用自己的帳號。");
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, AppUser.DisabledUntil);
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("Account {UserId} disabled by {AdminId}", user.Id, currentUserId);
        return new(StateChange.Done, $"已停用帳號 {user.Email}。");
    }

    public async Task<StateChangeOutcome> EnableAsync(string userId, string currentUserId)
    {
        var user = await OfficeAccountAsync(userId);
        if (user is null)
        {
            return new(StateChange.NotFound);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("Account {UserId} enabled by {AdminId}", user.Id, currentUserId);
        return new(StateChange.Done, $"已啟用帳號 {user.Email}。");
    }

    private async Task<AppUser?> OfficeAccountAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => r is AppRoles.Office or AppRoles.Admin) ? user : null;
    }
}
