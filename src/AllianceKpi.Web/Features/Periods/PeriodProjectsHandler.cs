using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Periods;

public sealed record PeriodChoice(int Id, string Name, ReportingPeriodKind Kind, int Year, DateOnly Deadline, ReportingPeriodState State);

public sealed record PeriodProjectRow(int ProjectId, int Year, string Number, string PiName, string ProjectName, ProjectRole? Role);

/// <summary>Step 1 and Step 2 of every list page: the chosen 綜整表類別 and the projects of its year the user holds a role on.</summary>
public sealed record PeriodProjectsPage(IReadOnlyList<PeriodChoice> Periods, PeriodChoice? Chosen, IReadOnlyList<PeriodProjectRow> Projects);

/// <summary>
/// Lists the reporting periods of some kinds and, for the chosen one, the projects of that programme year the user may see:
/// their own memberships, or every project for the office.
/// </summary>
public sealed class PeriodProjectsHandler(AppDbContext db, TimeProvider clock)
{
    public async Task<PeriodProjectsPage> PageAsync(
        ClaimsPrincipal user, int? periodId, IReadOnlyCollection<ReportingPeriodKind> kinds, CancellationToken cancellationToken)
    {
        var periods = await db.ReportingPeriods.AsNoTracking()
            .Where(p => kinds.Contains(p.Kind) && p.State != ReportingPeriodState.Planned)
            .Select(p => new PeriodChoice(p.Id, p.Name, p.Kind, p.ProgrammeYear!.Year, p.Deadline, p.State))
            .ToListAsync(cancellationToken);
        periods = periods.OrderByDescending(p => p.Year).ThenByDescending(p => p.Kind).ToList();
        var chosen = periods.FirstOrDefault(p => p.Id == periodId) ?? DefaultPeriod(periods);
        if (chosen is null)
        {
            return new PeriodProjectsPage(periods, null, []);
        }
        return new PeriodProjectsPage(periods, chosen, await ProjectsAsync(user, chosen.Year, cancellationToken));
    }

    /// <summary>The open period with the nearest deadline still ahead, else the latest.</summary>
    private PeriodChoice? DefaultPeriod(IReadOnlyList<PeriodChoice> periods)
    {
        var today = clock.TaiwanToday();
        return periods.Where(p => p.State == ReportingPeriodState.Open && p.Deadline >= today).MinBy(p => p.Deadline)
               ?? periods.FirstOrDefault();
    }

    private async Task<IReadOnlyList<PeriodProjectRow>> ProjectsAsync(ClaimsPrincipal user, int year, CancellationToken cancellationToken)
    {
        if (ProjectAccess.IsOffice(user))
        {
            return await db.Projects.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.Number)
                .Select(p => new PeriodProjectRow(p.Id, p.Year, p.Number, p.PrincipalInvestigatorName, p.Name, null))
                .ToListAsync(cancellationToken);
        }
        var userId = user.RequiredUserId();
        return await db.ProjectMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Project!.Year == year)
            .OrderBy(m => m.Project!.Number)
            .Select(m => new PeriodProjectRow(m.ProjectId, m.Project!.Year, m.Project.Number, m.Project.PrincipalInvestigatorName, m.Project.Name, m.Role))
            .ToListAsync(cancellationToken);
    }
}
