using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Infrastructure.Seeding;

/// <summary>Creates the programme roles and, when configured, the first administrator. Safe to run on every start.</summary>
public sealed class AccountSeeder(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    /// <summary>Creates an account with the given roles unless one with that e-mail exists; returns the account either way.</summary>
    public async Task<AppUser> EnsureAccountAsync(string email, string displayName, string? password, params string[] accountRoles)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            Check(created, $"account {email}");
        }
        foreach (var role in accountRoles)
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role), $"role {role} for {email}");
            }
        }
        return user;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
