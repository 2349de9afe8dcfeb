using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Workflow;

/// <summary>送出版本 of a project's 預期成果 or 管考資料: for everyone on the project and the office.</summary>
[Route("/projects/{projectId:int}/submissions")]
public sealed class SubmissionsController(SubmissionHistoryHandler handler) : Controller
{
    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("{kind}/{periodId:int}")]
    public async Task<IActionResult> Index(int projectId, string kind, int periodId, int? version, int? compare,
        CancellationToken cancellationToken)
    {
        var form = FormRefs.Parse(kind, projectId, periodId);
        var page = form is null ? null : await handler.PageAsync(form, version, compare, cancellationToken);
        return page is null ? NotFound() : View("/Features/Workflow/Submissions.cshtml", page);
    }
}
