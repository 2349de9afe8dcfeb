using AllianceKpi.Domain.Kpi;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.Promotion;

/// <summary>聯盟推廣活動: this period's promotion activities with their verdicts, add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/promotion")]
public sealed class PromotionController(ProgressContextHandler contexts, PromotionHandler activities) : Controller
{
    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        return context is null ? NotFound() : View(PromotionHandler.Page(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("new")]
    public async Task<IActionResult> New(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        return context is null ? NotFound() : !context.Editable ? Closed(context) : View("Form", PromotionHandler.NewForm(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("new")]
    public Task<IActionResult> New(int projectId, int periodId, [Bind(Prefix = EntrySaveHandler.Prefix)] PromotionForm form,
        CancellationToken cancellationToken) => SaveAsync(projectId, periodId, null, form, cancellationToken);

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int projectId, int periodId, int id, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        var page = context is null ? null : await activities.EditFormAsync(context, id, cancellationToken);
        return page is null ? NotFound() : !page.Context.Editable ? Closed(page.Context) : View("Form", page);
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int projectId, int periodId, int id, [Bind(Prefix = EntrySaveHandler.Prefix)] PromotionForm form,
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
        var outcome = await activities.DeleteAsync(context, id, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        this.Success("已刪除推廣活動。");
        return Redirect($"{context.BaseUrl}/promotion");
    }

    private async Task<IActionResult> SaveAsync(int projectId, int periodId, int? id, PromotionForm form, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        if (context is null || !context.Editable)
        {
            return context is null ? NotFound() : Closed(context);
        }
        var outcome = await activities.SaveAsync(context, id, form, User.UserId()!, ModelState, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        if (outcome.SavedId is not { } savedId)
        {
            return View("Form", await activities.RedisplayAsync(context, form, id, cancellationToken));
        }
        var verdict = await contexts.VerdictAsync(User, projectId, periodId, EntryKind.PromotionActivity, savedId, cancellationToken);
        this.Success(SavedMessages.Saved(verdict, null));
        return Redirect($"{context.BaseUrl}/promotion");
    }

    private RedirectResult Closed(ProgressContext context)
    {
        this.Failure(ProgressContext.ClosedMessage);
        return Redirect($"{context.BaseUrl}/promotion");
    }
}
