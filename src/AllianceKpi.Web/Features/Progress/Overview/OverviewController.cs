using AllianceKpi.Domain.Kpi;
using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.Overview;

/// <summary>The overview: this period's context and the figures accumulated up to and including the period.</summary>
public sealed record OverviewPage(ProgressContext Context, KpiFigures Cumulative);

/// <summary>工作進度 of one project and period: the KPI figures (本期 and 累計) and one card per kind of entry.</summary>
public sealed class OverviewController(ProgressContextHandler contexts) : Controller
{
    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("/projects/{projectId:int}/progress/{periodId:int}")]
    public async Task<IActionResult> Index(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }
        var cumulative = KpiEngine.Evaluate(KpiInput.CumulativeThrough(context.Year, context.Year.Periods, context.Period, context.Entries));
        return View(new OverviewPage(context, cumulative.Figures));
    }
}
