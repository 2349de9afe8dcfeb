using AllianceKpi.Domain.Common;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Web.Features.Office.IssuedAccounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Admin.OfficeAccounts;

/// <summary>Lists the office and administrator accounts and issues new ones (no password; a set-password link goes to the outbox).</summary>
public sealed class OfficeAccountsHandler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<OfficeAccountList> ListAsync(string currentUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var accounts = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == AppRoles.Office || r.Name == AppRoles.Admin), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name! })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.Id, u.Email, u.DisplayName, x.Role, u.LockoutEnd, HasPassword = u.PasswordHash != null })
            .ToListAsync(cancellationToken);
        var rows = accounts.GroupBy(a => a.Id)
            .Select(g =>
            {
                var a = g.First();
                var roles = g.Select(x => x.Role).OrderBy(r => r == AppRoles.Admin ? 0 : 1).ToList();
                return new OfficeAccountRow(a.Id, a.Email ?? "", a.DisplayName, roles, OfficeAccountStateHandler.StateOf(a.LockoutEnd, now),
                    a.HasPassword, a.Id == currentUserId);
            })
            .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new OfficeAccountList(rows);
    }

    /// <summary>Creates the account with its role and an outbox e-mail; the violations say why not.</summary>
    public async Task<IReadOnlyList<DomainViolation>> CreateAsync(NewOfficeAccountForm form, string baseUrl, CancellationToken cancellationToken)
    {
        var email = form.Email.Trim();
        if (!NewOfficeAccountForm.Roles.Contains(form.Role))
        {
            return [new(nameof(form.Role), "請從清單選擇角色。")];
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return [new(nameof(form.Email), $"{email} 已有帳號，不可重複建立。")];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = false, DisplayName = form.DisplayName.Trim(),
            IsIssued = true, CreatedAt = now, LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, form.Role);
        }
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return result.Errors.Select(e => new DomainViolation(nameof(form.Email), e.Description)).ToList();
        }
        string[] introduction = [$"系統管理員已為您建立產學小聯盟管考平台的「{OfficeRoleLabels.Label(form.Role)}」帳號。"];
        db.Outbox.Add(await IssuedAccountEmail.ComposeAsync(users, user, baseUrl, introduction, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }
}
