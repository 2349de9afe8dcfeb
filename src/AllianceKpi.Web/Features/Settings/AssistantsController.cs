using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>設定助理 of one project: the PI only.</summary>
public sealed class AssistantsController(AssistantsHandler handler) : Controller
{
    [Authorize(Policy = Policies.ProjectPi)]
    [HttpGet("/projects/{projectId:int}/assistants")]
    public async Task<IActionResult> Index(int projectId, string? email, CancellationToken cancellationToken)
    {
        var page = await handler.PageAsync(projectId, email, cancellationToken);
        return page is null ? NotFound() : View("Assistants", page);
    }

    [Authorize(Policy = Policies.ProjectPi)]
    [HttpPost("/projects/{projectId:int}/assistants/add")]
    public async Task<IActionResult> Add(int projectId, string? userId, CancellationToken cancellationToken)
    {
        var change = string.IsNullOrWhiteSpace(userId)
            ? null
            : await handler.AddAsync(projectId, userId, User.RequiredUserId(), cancellationToken);
        return change is null ? NotFound() : Done(projectId, change);
    }

    [Authorize(Policy = Policies.ProjectPi)]
    [HttpPost("/projects/{projectId:int}/assistants/{userId}/remove")]
    public async Task<IActionResult> Remove(int projectId, string userId, CancellationToken cancellationToken)
    {
        var change = await handler.RemoveAsync(projectId, userId, User.RequiredUserId(), cancellationToken);
        return change is null ? NotFound() : Done(projectId, change);
    }

    private RedirectResult Done(int projectId, AssistantChange change)
    {
        if (change.Succeeded)
        {
            this.Success(change.Message);
        }
        else
        {
            this.Failure(change.Message);
        }
        return Redirect($"/projects/{projectId}/assistants");
    }
}
