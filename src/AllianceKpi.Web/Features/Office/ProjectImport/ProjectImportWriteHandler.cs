using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Projects.Import;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Web.Features.Office.IssuedAccounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.ProjectImport;

public sealed record ImportResult(int Projects, int NewAccounts, string? Error = null);

/// <summary>
/// Writes checked rows in one transaction: per e-mail the existing account or a new issued one (no password), its projects with a
/// placeholder alliance profile and the PI role, and for every new account an outbox e-mail with its set-password link.
/// </summary>
public sealed class ProjectImportWriteHandler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<ProjectImportWriteHandler> logger)
{
    public async Task<ImportResult> ImportAsync(IReadOnlyList<ApprovedProjectRow> rows, string officeUserId, string baseUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var (newAccounts, error) = await AddProjectsAsync(rows, officeUserId, now);
            if (error is not null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new ImportResult(0, 0, error);
            }
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (user, userRows) in newAccounts)
            {
                var lines = IssuedAccountEmail.ProjectLines(userRows.Select(r => (r.Number, r.Name, r.Year ?? 0)).ToList());
                db.Outbox.Add(await IssuedAccountEmail.ComposeAsync(users, user, baseUrl, lines, now));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Office user {UserId} imported {Projects} projects and issued {Accounts} PI accounts", officeUserId, rows.Count, newAccounts.Count);
            return new ImportResult(rows.Count, newAccounts.Count);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Project import by {UserId} rolled back", officeUserId);
            await transaction.RollbackAsync(cancellationToken);
            return new ImportResult(0, 0, "匯入時資料已被變更（例如同一計畫編號剛由他人建立），未匯入任何資料。請重新上傳檔案再試一次。");
        }
    }

    /// <summary>Per e-mail: the account (created when new) and its projects; the new accounts with their rows, or why an account could not be created.</summary>
    private async Task<(List<(AppUser User, List<ApprovedProjectRow> Rows)> NewAccounts, string? Error)> AddProjectsAsync(
        IReadOnlyList<ApprovedProjectRow> rows, string officeUserId, DateTime now)
    {
        var newAccounts = new List<(AppUser User, List<ApprovedProjectRow> Rows)>();
        foreach (var group in rows.GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase))
        {
            var (user, isNew, error) = await AccountForAsync(group.First(), now);
            if (user is null)
            {
                return (newAccounts, error);
            }
            foreach (var row in group)
            {
                db.Projects.Add(NewProject(row, user.Id, officeUserId, now));
            }
            if (isNew)
            {
                newAccounts.Add((user, group.ToList()));
            }
        }
        return (newAccounts, null);
    }

    private async Task<(AppUser? User, bool IsNew, string? Error)> AccountForAsync(ApprovedProjectRow row, DateTime now)
    {
        var existing = await users.FindByEmailAsync(row.Email);
        if (existing is not null)
        {
            return (existing, false, null);
        }
        var user = new AppUser
        {
            UserName = row.Email,
            Email = row.Email,
            EmailConfirmed = false,
            DisplayName = row.PrincipalInvestigatorName,
            School = row.School,
            Department = row.Department,
            IsIssued = true,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            var reasons = string.Join("；", created.Errors.Select(e => e.Description));
            return (null, false, $"第 {row.RowNumber} 列的主持人帳號 {row.Email} 無法建立（{reasons}），未匯入任何資料。");
        }
        return (user, true, null);
    }

    private static Project NewProject(ApprovedProjectRow row, string piUserId, string officeUserId, DateTime now) => new()
    {
        Number = row.Number,
        Name = row.Name,
        Year = row.Year ?? throw new InvalidOperationException($"Row {row.RowNumber} has no year; rows are checked before they are imported."),
        Status = ProjectStatus.Running,
        PrincipalInvestigatorName = row.PrincipalInvestigatorName,
        School = row.School,
        Department = row.Department,
        Alliance = new AllianceProfile { AllianceName = row.Name },
        Members = [new ProjectMember { UserId = piUserId, Role = ProjectRole.PrincipalInvestigator, AddedAt = now, AddedByUserId = officeUserId }],
    };
}
