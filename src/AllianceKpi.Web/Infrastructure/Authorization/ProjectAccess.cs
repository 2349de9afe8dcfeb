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

    // Asked on every project page before anything else: compiled once, no expression tree to walk per request.
    private static readonly Func<AppDbContext, int, string, CancellationToken, Task<ProjectRole?>> RoleQuery =
        EF.CompileAsyncQuery((AppDbContext db, int projectId, string userId, CancellationToken cancellationToken) =>
            db.ProjectMembers.Where(m => m.ProjectId == projectId && m.UserId == userId).Select(m => (ProjectRole?)m.Role).FirstOrDefault());

    public async Task<ProjectRole?> RoleOnAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken = default)
    {
        var userId = user.UserId();
        if (userId is null)
        {
            return null;
        }
        if (!_roles.TryGetValue((userId, projectId), out var role))
        {
            role = await RoleQuery(db, projectId, userId, cancellationToken);
            _roles[(userId, projectId)] = role;
        }
        return role;
    }

    public static bool IsOffice(ClaimsPrincipal user) => user.IsInRole(AppRoles.Office) || user.IsInRole(AppRoles.Admin);
}

public static class ClaimsPrincipalExtensions
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string RequiredUserId(this ClaimsPrincipal user) =>
        user.UserId() ?? throw new InvalidOperationException("The request has no signed-in user.");
}
