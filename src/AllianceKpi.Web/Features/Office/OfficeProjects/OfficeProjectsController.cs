using AllianceKpi.Web.Features.Office.IssuedAccounts;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.OfficeProjects;

/// <summary>計畫管理: the office's list of projects, the edit form of a project and re-sending a PI's set-password link.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class OfficeProjectsController(ProjectListHandler list, ProjectEditHandler edit, ResendLinkHandler resend) : Controller
{
    [HttpGet("/office/projects")]
    public async Task<IActionResult> Index([FromQuery] ProjectListQuery query, CancellationToken cancellationToken) =>
        View(await list.ListAsync(query, cancellationToken));

    [HttpGet("/office/projects/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await edit.FormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("/office/projects/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ProjectEditForm form, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var violations = await edit.SaveAsync(id, form, cancellationToken);
            if (violations is null)
            {
                return NotFound();
            }
            if (violations.Count == 0)
            {
                this.Success($"已儲存計畫 {form.Number.Trim()}。");
                return Redirect("/office/projects");
            }
            ModelState.AddViolations(violations);
        }
        return await edit.FillAsync(form, id, cancellationToken) ? View(form) : NotFound();
    }

    [HttpPost("/office/projects/{id:int}/resend-link")]
    public async Task<IActionResult> ResendLink(int id, CancellationToken cancellationToken)
    {
        var outcome = await resend.ResendAsync(id, IssuedAccountEmail.BaseUrlOf(Request), cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }
        if (outcome.Sent)
        {
            this.Success(outcome.Message);
        }
        else
        {
            this.Failure(outcome.Message);
        }
        return Redirect($"/office/projects/{id}/edit");
    }
}
