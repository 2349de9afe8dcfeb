using AllianceKpi.Domain.Kpi;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.DerivedResults;

/// <summary>協助聯盟會員衍生成果: this period's derived results with their verdicts, add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/derived-results")]
public sealed class DerivedResultsController(ProgressContextHandler contexts, DerivedResultHandler results) : Controller
{
    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        return context is null ? NotFound() : View(DerivedResultHandler.Page(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("new")]
    public async Task<IActionResult> New(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        return context is null ? NotFound() : !context.Editable ? Closed(context) : View("Form", DerivedResultHandler.NewForm(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("new")]
    public Task<IActionResult> New(int projectId, int periodId, [Bind(Prefix = EntrySaveHandler.Prefix)] DerivedResultForm form,
        CancellationToken cancellationToken) => SaveAsync(projectId, periodId, null, form, cancellationToken);

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int projectId, int periodId, int id, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        var page = context is null ? null : await results.EditFormAsync(context, id, cancellationToken);
        return page is null ? NotFound() : !page.Context.Editable ? Closed(page.Context) : View("Form", page);
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int projectId, int periodId, int id, [Bind(Prefix = EntrySaveHandler.Prefix)] DerivedResultForm form,
        CancellationToken cancellationToken) => SaveAsync(projectId, periodId, id, form, cancellationToken);

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int projectId, int periodId, int id, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        if (context is null || !context.Editable)
        {
            return context is null ? NotFound() : Closed(context);
        }
        var outcome = await results.DeleteAsync(context, id, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        this.Success("已刪除衍生成果。");
        return Redirect($"{context.BaseUrl}/derived-results");
    }

    private async Task<IActionResult> SaveAsync(int projectId, int periodId, int? id, DerivedResultForm form, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        if (context is null || !context.Editable)
        {
            return context is null ? NotFound() : Closed(context);
        }
        var outcome = await results.SaveAsync(context, id, form, User.UserId()!, ModelState, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        if (outcome.SavedId is not { } savedId)
        {
            return View("Form", await results.RedisplayAsync(context, form, id, cancellationToken));
        }
        var verdict = await contexts.VerdictAsync(User, projectId, periodId, EntryKind.DerivedResult, savedId, cancellationToken);
        this.Success(SavedMessages.Saved(verdict, null));
        return Redirect($"{context.BaseUrl}/derived-results");
    }

    private RedirectResult Closed(ProgressContext context)
    {
        this.Failure(ProgressContext.ClosedMessage);
        return Redirect($"{context.BaseUrl}/derived-results");
    }
}
