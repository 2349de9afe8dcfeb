using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Periods;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>Step 1 and 2 of the list page, with the state of each project's form for the chosen period (null: not started).</summary>
public sealed record EvaluationListPage(PeriodProjectsPage Periods, IReadOnlyDictionary<int, FormState> States)
{
    public FormState? StateOf(int projectId) => States.TryGetValue(projectId, out var state) ? state : null;
}

/// <summary>The 管考資料 states of the listed projects for the chosen period.</summary>
public sealed class EvaluationListHandler(AppDbContext db)
{
    public async Task<EvaluationListPage> PageAsync(PeriodProjectsPage periods, CancellationToken cancellationToken)
    {
        if (periods.Chosen is null || periods.Projects.Count == 0)
        {
            return new EvaluationListPage(periods, new Dictionary<int, FormState>());
        }
        var periodId = periods.Chosen.Id;
        var projectIds = periods.Projects.Select(p => p.ProjectId).ToList();
        var states = await db.EvaluationForms.AsNoTracking()
            .Where(f => f.ReportingPeriodId == periodId && projectIds.Contains(f.ProjectId))
            .Select(f => new { f.ProjectId, f.State })
            .ToDictionaryAsync(f => f.ProjectId, f => f.State, cancellationToken);
        return new EvaluationListPage(periods, states);
    }
}

/// <summary>管考資料填寫: Step 1 choose the report period, Step 2 the user's projects, Step 3 open a project's form.</summary>
public sealed class EvaluationListController(PeriodProjectsHandler periods, EvaluationListHandler states) : Controller
{
    /// <summary>The periods that have a 管考資料 form: the reports, not the 預期成果綜整表.</summary>
    public static readonly ReportingPeriodKind[] ReportKinds =
        [ReportingPeriodKind.FirstReport, ReportingPeriodKind.SecondReport, ReportingPeriodKind.FinalReport];

    [Authorize]
    [HttpGet("/evaluation")]
    public async Task<IActionResult> Index(int? periodId, CancellationToken cancellationToken) =>
        View(await states.PageAsync(await periods.PageAsync(User, periodId, ReportKinds, cancellationToken), cancellationToken));
}
