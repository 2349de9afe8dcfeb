using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.Overview;

/// <summary>工作進度 of one project and period: the period's KPI figures and one card per kind of entry.</summary>
public sealed class OverviewController(ProgressContextHandler contexts) : Controller
{
    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("/projects/{projectId:int}/progress/{periodId:int}")]
    public async Task<IActionResult> Index(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        return context is null ? NotFound() : View(context);
    }
}
