using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeProjects;

public sealed class ProjectListQuery
{
    public int? Year { get; set; }
    public ProjectStatus? Status { get; set; }
    public string? Q { get; set; }
}

public sealed record PiAccount(string Email, bool PasswordPending);

public sealed record ProjectListRow(
    int Id, string Number, string Name, int Year, string PrincipalInvestigatorName, string School, string Department,
    string? AllianceName, ProjectStatus Status, IReadOnlyList<PiAccount> PiAccounts, int AssistantCount);

public sealed record ProjectListModel(ProjectListQuery Query, IReadOnlyList<int> Years, IReadOnlyList<ProjectListRow> Rows);

/// <summary>All projects for the office, filtered by year, status and a search text, with each PI account's state.</summary>
public sealed class ProjectListHandler(AppDbContext db)
{
    public async Task<ProjectListModel> ListAsync(ProjectListQuery query, CancellationToken cancellationToken)
    {
        var projects = db.Projects.AsNoTracking();
        if (query.Year is { } year)
        {
            projects = projects.Where(p => p.Year == year);
        }
        if (query.Status is { } status)
        {
            projects = projects.Where(p => p.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            projects = projects.Where(p => p.Number.Contains(q) || p.Name.Contains(q) || p.PrincipalInvestigatorName.Contains(q)
                                           || p.School.Contains(q) || (p.Alliance != null && p.Alliance.AllianceName.Contains(q)));
        }
        var rows = await projects
            .OrderByDescending(p => p.Year).ThenBy(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.Name, p.Year, p.PrincipalInvestigatorName, p.School, p.Department, AllianceName = p.Alliance!.AllianceName, p.Status })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var members = await db.ProjectMembers.AsNoTracking()
            .Where(m => ids.Contains(m.ProjectId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.ProjectId, m.Role, u.Email, u.IsIssued, HasPassword = u.PasswordHash != null })
            .ToListAsync(cancellationToken);
        var byProject = members.ToLookup(m => m.ProjectId);
        var years = await db.ProgrammeYears.AsNoTracking().OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(cancellationToken);
        var list = rows.Select(r => new ProjectListRow(
                r.Id, r.Number, r.Name, r.Year, r.PrincipalInvestigatorName, r.School, r.Department, r.AllianceName, r.Status,
                byProject[r.Id].Where(m => m.Role == ProjectRole.PrincipalInvestigator)
                    .Select(m => new PiAccount(m.Email ?? "", m.IsIssued && !m.HasPassword)).ToList(),
                byProject[r.Id].Count(m => m.Role == ProjectRole.Assistant)))
            .ToList();
        return new ProjectListModel(query, years, list);
    }
}
