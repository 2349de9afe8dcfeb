using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Audit;

/// <summary>異動紀錄: the project's audit log, for its PI and the office.</summary>
[Route("/projects/{projectId:int}/audit")]
public sealed class AuditController(AuditHandler handler) : Controller
{
    [Authorize(Policy = Policies.ProjectPiOrOffice)]
    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId, string? record, int page = 1, CancellationToken cancellationToken = default)
    {
        var model = await handler.PageAsync(projectId, record, page, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
