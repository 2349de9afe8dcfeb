using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>One project the user holds a role on (現有權限列表).</summary>
public sealed record PermissionRow(int ProjectId, int Year, string Number, string PiName, string ProjectName, ProjectRole Role, ProjectStatus Status)
{
    public bool IsPi => Role == ProjectRole.PrincipalInvestigator;
}

public sealed record PermissionsPage(IReadOnlyList<PermissionRow> Rows, bool IsOffice);

/// <summary>Which tab the settings pages show as current.</summary>
public enum SettingsTab
{
    Assistants,
    Profile,
    Permissions,
}

/// <summary>設定助理 without a project in the URL: the PI's projects to choose from.</summary>
public sealed record ChooseProjectPage(IReadOnlyList<PermissionRow> PiProjects, bool IsAssistantSomewhere);

public sealed class PermissionsHandler(AppDbContext db)
{
    /// <summary>The projects the user holds a role on, newest year first; only the user's own memberships are read.</summary>
    public async Task<IReadOnlyList<PermissionRow>> RowsAsync(string userId, CancellationToken cancellationToken) =>
        await db.ProjectMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderByDescending(m => m.Project!.Year).ThenBy(m => m.Project!.Number)
            .Select(m => new PermissionRow(
                m.ProjectId, m.Project!.Year, m.Project.Number, m.Project.PrincipalInvestigatorName, m.Project.Name, m.Role, m.Project.Status))
            .ToListAsync(cancellationToken);

    public async Task<ChooseProjectPage> ChooseProjectAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(userId, cancellationToken);
        return new ChooseProjectPage(rows.Where(r => r.IsPi).ToList(), rows.Any(r => !r.IsPi));
    }
}
