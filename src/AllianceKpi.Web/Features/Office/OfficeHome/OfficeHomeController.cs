using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.OfficeHome;

/// <summary>辦公室首頁: where the office starts, with the figures that need attention.</summary>
public sealed class OfficeHomeController(OfficeHomeHandler handler) : Controller
{
    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await handler.HomeAsync(cancellationToken));
}
