using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.Cockpit;

/// <summary>管考儀表板: completion heat-map, next deadline, KPI charts and anomaly flags of a programme year.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class CockpitController(CockpitHandler cockpit) : Controller
{
    [HttpGet("/office/cockpit")]
    public async Task<IActionResult> Index(int? year, int? periodId, CancellationToken cancellationToken) =>
        View(await cockpit.PageAsync(year, periodId, cancellationToken));
}
