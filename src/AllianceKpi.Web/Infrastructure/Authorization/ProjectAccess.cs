using System.Security.Claims;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Infrastructure.Authorization;

/// <summary>Answers "what may this user do on that project", once per request and project.</summary>
public sealed class ProjectAccess(AppDbContext db)
{
    private readonly Dictionary<(string, int), ProjectRole?> _roles = [];
    private readonly Dictionary<int, Project> _projects = [];

    // Asked on every project page before anything else: compiled once, no expression tree to walk per request. The project's
    // row comes in the same statement, for the page to take (ProjectReadWithRole) instead of asking the database again.
    private static readonly Func<AppDbContext, int, string, CancellationToken, Task<ProjectAndRole?>> RoleQuery =
        EF.CompileAsyncQuery((AppDbContext db, int projectId, string userId, CancellationToken cancellationToken) =>
            db.Projects.AsNoTracking().Where(p => p.Id == projectId)
                .Select(p => new ProjectAndRole(p, db.ProjectMembers.Where(m => m.ProjectId == p.Id && m.UserId == userId)
                    .Select(m => (ProjectRole?)m.Role).FirstOrDefault()))
                .FirstOrDefault());

    public async Task<ProjectRole?> RoleOnAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId();
        if (userId is null)
        {
            return null;
        }
        if (!_roles.TryGetValue((userId, projectId), out var role))
        {
            var found = await RoleQuery(db, projectId, userId, cancellationToken);
            role = found?.Role;
            _roles[(userId, projectId)] = role;
            if (found is not null)
            {
                _projects[projectId] = found.Project;
            }
        }
        return role;
    }

    /// <summary>
    /// The project as read (untracked) with a role check earlier in this request, or null when no check read it (the office
    /// passes on its role, and a project that does not exist has no row).
    /// </summary>
    public Project? ProjectReadWithRole(int projectId) => _projects.GetValueOrDefault(projectId);

    internal sealed record ProjectAndRole(Project Project, ProjectRole? Role);

    public static bool IsOffice(ClaimsPrincipal user) => user.IsInRole(AppRoles.Office) || user.IsInRole(AppRoles.Admin);
}

public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("The request has no signed-in user.");
}
