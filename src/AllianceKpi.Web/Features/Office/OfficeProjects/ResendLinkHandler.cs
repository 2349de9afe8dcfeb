using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Web.Features.Office.IssuedAccounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeProjects;

public sealed record ResendOutcome(bool Sent, string Message);

/// <summary>Puts a fresh set-password link for a project's PI into the outbox, when that PI has not set a password yet.</summary>
public sealed class ResendLinkHandler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>Null when the project does not exist.</summary>
    public async Task<ResendOutcome?> ResendAsync(int projectId, string baseUrl, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var piUserId = await db.ProjectMembers
            .Where(m => m.ProjectId == projectId && m.Role == ProjectRole.PrincipalInvestigator)
            .OrderBy(m => m.Id).Select(m => m.UserId).FirstOrDefaultAsync(cancellationToken);
        var pi = piUserId is null ? null : await users.FindByIdAsync(piUserId);
        if (pi is null)
        {
            return new ResendOutcome(false, $"計畫 {project.Number} 尚無主持人帳號。");
        }
        if (await users.HasPasswordAsync(pi))
        {
            return new ResendOutcome(false, $"主持人 {pi.Email} 已設定密碼，不需要設定密碼連結；如忘記密碼請由登入頁使用忘記密碼功能。");
        }
        var projects = await db.ProjectMembers
            .Where(m => m.UserId == pi.Id && m.Role == ProjectRole.PrincipalInvestigator)
            .Select(m => new { m.Project!.Number, m.Project.Name, m.Project.Year })
            .ToListAsync(cancellationToken);
        var lines = IssuedAccountEmail.ProjectLines(projects.Select(p => (p.Number, p.Name, p.Year)).ToList());
        db.Outbox.Add(await IssuedAccountEmail.ComposeAsync(users, pi, baseUrl, lines, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return new ResendOutcome(true, $"已將主持人 {pi.Email} 的設定密碼連結放入寄件匣。");
    }
}
