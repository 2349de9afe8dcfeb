using AllianceKpi.Domain.Projects;
using Microsoft.AspNetCore.Authorization;

namespace AllianceKpi.Web.Infrastructure.Authorization;

/// <summary>
/// The user must hold a role on the project named by the route's projectId: any role, or the PI's only; the office passes
/// when <paramref name="OfficeAllowed"/>.
/// </summary>
public sealed record ProjectRoleRequirement(bool PiOnly, bool OfficeAllowed) : IAuthorizationRequirement;

public sealed class ProjectRoleHandler(ProjectAccess access, IHttpContextAccessor http) : AuthorizationHandler<ProjectRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProjectRoleRequirement requirement)
    {
        var httpContext = http.HttpContext;
        if (httpContext is null || context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        if (!int.TryParse(httpContext.GetRouteValue(Policies.ProjectRouteKey)?.ToString(), out var projectId))
        {
            return;
        }
        if (requirement.OfficeAllowed && ProjectAccess.IsOffice(context.User))
        {
            context.Succeed(requirement);
            return;
        }
        var role = await access.RoleOnAsync(context.User, projectId, httpContext.RequestAborted);
        if (role == ProjectRole.PrincipalInvestigator || (role == ProjectRole.Assistant && !requirement.PiOnly))
        {
            context.Succeed(requirement);
        }
    }
}
