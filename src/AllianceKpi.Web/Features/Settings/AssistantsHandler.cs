using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>An account shown in 設定助理: 帳號 (sign-in e-mail), 信箱 (backup e-mail), 姓名.</summary>
public sealed record AccountRow(string UserId, string Account, string Email, string Name);

public sealed record ParticipantRow(AccountRow Account, ProjectRole Role)
{
    public bool IsPi => Role == ProjectRole.PrincipalInvestigator;
}

public sealed record AssistantsPage(
    int ProjectId, string ProjectNumber, string ProjectName, IReadOnlyList<ParticipantRow> Participants,
    string? Query, string? QueryMessage, IReadOnlyList<AccountRow> Results)
{
    public bool HasAssistants => Participants.Any(p => !p.IsPi);
}

/// <summary>What adding or removing an assistant did, with the message for the user.</summary>
public sealed record AssistantChange(bool Succeeded, string Message);

/// <summary>設定助理: the project's participants, the search over registered accounts, adding and removing assistants. Every query is scoped to the project in the route.</summary>
public sealed class AssistantsHandler(AppDbContext db, TimeProvider clock, ILogger<AssistantsHandler> logger)
{
    public const int MaxResults = 20;
    public const int MinQueryLength = 3;

    public async Task<AssistantsPage?> PageAsync(int projectId, string? query, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Number, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return null;
        }
        var participants = await db.ProjectMembers.AsNoTracking()
            .Where(m => m.ProjectId == projectId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Id, u.Email, u.BackupEmail, u.DisplayName })
            .OrderBy(x => x.Role).ThenBy(x => x.Email)
            .ToListAsync(cancellationToken);
        var rows = participants.Select(x => new ParticipantRow(new AccountRow(x.Id, x.Email ?? "", x.BackupEmail ?? x.Email ?? "", x.DisplayName), x.Role)).ToList();
        var term = query?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return new AssistantsPage(projectId, project.Number, project.Name, rows, null, null, []);
        }
        if (term.Length < MinQueryLength)
        {
            return new AssistantsPage(projectId, project.Number, project.Name, rows, term, $"請至少輸入 {MinQueryLength} 個字元再搜尋。", []);
        }
        var results = await SearchAsync(projectId, term, cancellationToken);
        var message = results.Count == 0 ? "查無符合的已註冊帳號。請確認助理已先完成註冊。" : null;
        return new AssistantsPage(projectId, project.Number, project.Name, rows, term, message, results);
    }

    /// <summary>Registered accounts whose e-mail contains the term (any case), not yet on the project, never office or admin accounts.</summary>
    private async Task<IReadOnlyList<AccountRow>> SearchAsync(int projectId, string term, CancellationToken cancellationToken)
    {
        var normalized = term.ToUpperInvariant();
        var officeRoleIds = OfficeRoleIds();
        var memberIds = db.ProjectMembers.Where(m => m.ProjectId == projectId).Select(m => m.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && u.NormalizedEmail.Contains(normalized))
            .Where(u => !memberIds.Contains(u.Id))
            .Where(u => !db.UserRoles.Any(ur => ur.UserId == u.Id && officeRoleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.NormalizedEmail)
            .Take(MaxResults)
            .Select(u => new AccountRow(u.Id, u.Email ?? "", u.BackupEmail ?? u.Email ?? "", u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a registered account as 計畫助理 (recording who and when); null when there is no such account.</summary>
    public async Task<AssistantChange?> AddAsync(int projectId, string userId, string actorId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }
        var officeRoleIds = OfficeRoleIds();
        if (await db.UserRoles.AnyAsync(ur => ur.UserId == userId && officeRoleIds.Contains(ur.RoleId), cancellationToken))
        {
            return new AssistantChange(false, "計畫辦公室的帳號不能設為計畫助理。");
        }
        var alreadyMember = new AssistantChange(false, $"「{user.DisplayName}」已是本計畫的參與人員。");
        if (await db.ProjectMembers.AnyAsync(m => m.ProjectId == projectId && m.UserId == userId, cancellationToken))
        {
            return alreadyMember;
        }
        db.ProjectMembers.Add(new ProjectMember
        {
            ProjectId = projectId,
            UserId = userId,
            Role = ProjectRole.Assistant,
            AddedAt = clock.GetUtcNow().UtcDateTime,
            AddedByUserId = actorId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (project, user) index: the same account was added a moment ago.
            return alreadyMember;
        }
        logger.LogInformation("User {ActorId} added assistant {UserId} to project {ProjectId}", actorId, userId, projectId);
        return new AssistantChange(true, $"已新增「{user.DisplayName}」為計畫助理。");
    }

    /// <summary>Removes an assistant from the project (never the PI); null when the account holds no role on it.</summary>
    public async Task<AssistantChange?> RemoveAsync(int projectId, string userId, string actorId, CancellationToken cancellationToken)
    {
        var member = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return null;
        }
        if (member.Role == ProjectRole.PrincipalInvestigator)
        {
            return new AssistantChange(false, "計畫主持人無法從計畫中移除。");
        }
        db.ProjectMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {ActorId} removed assistant {UserId} from project {ProjectId}", actorId, userId, projectId);
        return new AssistantChange(true, "已移除該計畫助理。");
    }

    private IQueryable<string> OfficeRoleIds() =>
        db.Roles.Where(r => r.Name == AppRoles.Office || r.Name == AppRoles.Admin).Select(r => r.Id);
}
