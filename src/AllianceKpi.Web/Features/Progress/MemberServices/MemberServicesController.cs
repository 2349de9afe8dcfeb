using AllianceKpi.Domain.Kpi;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.MemberServices;

/// <summary>對聯盟會員之服務: this period's services to members with their verdicts, add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/member-services")]
public sealed class MemberServicesController(ProgressContextHandler contexts, MemberServiceHandler services) : Controller
{
    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        return context is null ? NotFound() : View(MemberServiceHandler.Page(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("new")]
    public async Task<IActionResult> New(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        return context is null ? NotFound() : !context.Editable ? Closed(context) : View("Form", MemberServiceHandler.NewForm(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("new")]
    public Task<IActionResult> New(int projectId, int periodId, [Bind(Prefix = EntrySaveHandler.Prefix)] MemberServiceForm form,
        CancellationToken cancellationToken) => SaveAsync(projectId, periodId, null, form, cancellationToken);

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int projectId, int periodId, int id, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        var page = context is null ? null : await services.EditFormAsync(context, id, cancellationToken);
        return page is null ? NotFound() : !page.Context.Editable ? Closed(page.Context) : View("Form", page);
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int projectId, int periodId, int id, [Bind(Prefix = EntrySaveHandler.Prefix)] MemberServiceForm form,
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
        var outcome = await services.DeleteAsync(context, id, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        this.Success("已刪除會員服務。");
        return Redirect($"{context.BaseUrl}/member-services");
    }

    private async Task<IActionResult> SaveAsync(int projectId, int periodId, int? id, MemberServiceForm form, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        if (context is null || !context.Editable)
        {
            return context is null ? NotFound() : Closed(context);
        }
        var outcome = await services.SaveAsync(context, id, form, User.UserId()!, ModelState, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        if (outcome.SavedId is not { } savedId)
        {
            return View("Form", await services.RedisplayAsync(context, form, id, cancellationToken));
        }
        var verdict = await contexts.VerdictAsync(User, projectId, periodId, EntryKind.MemberService, savedId, cancellationToken);
        this.Success(SavedMessages.Saved(verdict, null));
        return Redirect($"{context.BaseUrl}/member-services");
    }

    private RedirectResult Closed(ProgressContext context)
    {
        this.Failure(ProgressContext.ClosedMessage);
        return Redirect($"{context.BaseUrl}/member-services");
    }
}
