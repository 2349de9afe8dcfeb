using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Infrastructure.Identity;

/// <summary>A portal account. Programme roles (Admin, Office) are Identity roles; project roles live in ProjectMember.</summary>
public class AppUser : IdentityUser
{
    public const int MaxNameLength = 100;

    public string DisplayName { get; set; } = "";
    public string? BackupEmail { get; set; }
    public string? School { get; set; }
    public string? Department { get; set; }
    /// <summary>手機, format 09xx-123456. 電話 is Identity's PhoneNumber.</summary>
    public string? Mobile { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>An account the office issued (統一核發) stays without a password until its holder sets one through the link.</summary>
    public bool IsIssued { get; set; }

    /// <summary>The lockout end that means "disabled by an administrator" rather than a temporary lockout after wrong passwords.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabledLockout(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end >= DisabledUntil.AddYears(-1);
}

public static class AppRoles
{
    public const string Admin = "Admin";
    public const string Office = "Office";

    public static readonly string[] All = [Admin, Office];
}
