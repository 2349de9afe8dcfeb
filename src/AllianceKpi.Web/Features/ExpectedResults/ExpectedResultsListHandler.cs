using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Periods;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.ExpectedResults;

/// <summary>預期成果 list: Step 1 and 2 of every list page, and where each project's form stands (null: not started).</summary>
public sealed record ExpectedResultsList(PeriodProjectsPage Periods, IReadOnlyDictionary<int, FormState> States)
{
    public FormState? StateOf(int projectId) => States.TryGetValue(projectId, out var state) ? state : null;
}

/// <summary>The 預期成果綜整表 periods, the user's projects of the chosen one's year and the state of each project's form.</summary>
public sealed class ExpectedResultsListHandler(AppDbContext db, PeriodProjectsHandler periods)
{
    public static readonly ReportingPeriodKind[] Kinds = [ReportingPeriodKind.ExpectedResults];

    public async Task<ExpectedResultsList> PageAsync(ClaimsPrincipal user, int? periodId, CancellationToken cancellationToken)
    {
        var page = await periods.PageAsync(user, periodId, Kinds, cancellationToken);
        if (page.Chosen is null || page.Projects.Count == 0)
        {
            return new ExpectedResultsList(page, new Dictionary<int, FormState>());
        }
        var year = page.Chosen.Year;
        var projectIds = page.Projects.Select(p => p.ProjectId).ToList();
        var states = await db.ExpectedResults.AsNoTracking()
            .Where(e => e.Year == year && projectIds.Contains(e.ProjectId))
            .Select(e => new { e.ProjectId, e.State })
            .ToDictionaryAsync(e => e.ProjectId, e => e.State, cancellationToken);
        return new ExpectedResultsList(page, states);
    }
}
