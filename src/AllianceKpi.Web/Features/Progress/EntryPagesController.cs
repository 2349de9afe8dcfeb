using AllianceKpi.Domain.Kpi;
using AllianceKpi.Infrastructure.Submissions;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>What a kind's handler gives the shared 工作進度 actions: its pages' view models, its save and its delete.</summary>
public interface IEntryPages<TForm> where TForm : class
{
    EntryKind Kind { get; }

    /// <summary>The last segment of the kind's route: income, members, tech-transfers, ….</summary>
    string Slug { get; }

    object Page(ProgressContext context);

    object NewForm(ProgressContext context);

    /// <summary>The edit form of an entry of the context's project and period; null otherwise (404).</summary>
    Task<object?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken);

    /// <summary>The form again after a refused save; a new entry's form keeps <paramref name="submissionKey"/>.</summary>
    Task<object> RedisplayAsync(ProgressContext context, TForm form, int? id, IReadOnlyList<Workflow.ConflictField> conflicts,
        Guid? submissionKey, CancellationToken cancellationToken);

    /// <summary>Saves; a new entry posted again with the same one-time key answers with the entry already created.</summary>
    Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, TForm form, Guid? submissionKey, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken);

    Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken);
}

/// <summary>
/// The list, add, edit and delete actions every kind of 工作進度 entry shares. The derived controller gives the route
/// (<c>/projects/{projectId:int}/progress/{periodId:int}/{slug}</c>, the slug being its handler's) and the views (Index, Form) beside it.
/// Changes are refused with a flash unless the period accepts reports (the office may always).
/// </summary>
public abstract class EntryPagesController<TForm>(ProgressContextHandler contexts, IEntryPages<TForm> pages,
    string deletedMessage) : Controller where TForm : class
{
    private const string SavedEntryKey = "saved-entry";
    private const string SavedWarningKey = "saved-warning";

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("")]
    public async Task<IActionResult> Index(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, KpiEngine.InputsOf(pages.Kind), cancellationToken);
        if (context is null)
        {
            return NotFound();
        }
        if (TempData[SavedEntryKey] is int savedId)
        {
            // The save's flash takes the verdict from this page's evaluation, which already includes the saved entry.
            this.Success(SavedMessages.Saved(context.VerdictOf(pages.Kind, savedId), TempData[SavedWarningKey] as string));
        }
        return View(pages.Page(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("new")]
    public async Task<IActionResult> New(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, KpiEngine.InputsOf(pages.Kind), cancellationToken);
        return context is null ? NotFound() : !context.Editable ? Closed(context) : View("Form", pages.NewForm(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("new")]
    public Task<IActionResult> New(int projectId, int periodId, [Bind(Prefix = EntrySaveHandler.Prefix)] TForm form,
        [FromForm(Name = OneTimeSubmissions.Field)] string? submissionKey, CancellationToken cancellationToken) =>
        SaveAsync(projectId, periodId, null, form, OneTimeSubmissions.Parse(submissionKey), cancellationToken);

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int projectId, int periodId, int id, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, KpiEngine.InputsOf(pages.Kind), cancellationToken);
        var page = context is null ? null : await pages.EditFormAsync(context, id, cancellationToken);
        return page is null ? NotFound() : !context!.Editable ? Closed(context) : View("Form", page);
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int projectId, int periodId, int id, [Bind(Prefix = EntrySaveHandler.Prefix)] TForm form,
        CancellationToken cancellationToken) => SaveAsync(projectId, periodId, id, form, null, cancellationToken);

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int projectId, int periodId, int id, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, KpiEngine.InputsOf(pages.Kind), cancellationToken);
        if (context is null || !context.Editable)
        {
            return context is null ? NotFound() : Closed(context);
        }
        var outcome = await pages.DeleteAsync(context, id, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        if (outcome.Refusal is null)
        {
            this.Success(deletedMessage);
        }
        else
        {
            this.Failure(outcome.Refusal);
        }
        return Redirect($"{context.BaseUrl}/{pages.Slug}");
    }

    private async Task<IActionResult> SaveAsync(int projectId, int periodId, int? id, TForm form, Guid? submissionKey,
        CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, KpiEngine.InputsOf(pages.Kind), cancellationToken);
        if (context is null || !context.Editable)
        {
            return context is null ? NotFound() : Closed(context);
        }
        var outcome = await pages.SaveAsync(context, id, form, submissionKey, User.UserId()!, ModelState, cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }
        if (outcome.SavedId is not { } savedId)
        {
            return View("Form", await pages.RedisplayAsync(context, form, id, outcome.Conflicts, submissionKey, cancellationToken));
        }
        TempData[SavedEntryKey] = savedId;
        if (outcome.Warning is not null)
        {
            TempData[SavedWarningKey] = outcome.Warning;
        }
        return Redirect($"{context.BaseUrl}/{pages.Slug}");
    }

    private RedirectResult Closed(ProgressContext context)
    {
        this.Failure(context.ReadOnlyReason ?? ProgressContext.ClosedMessage);
        return Redirect($"{context.BaseUrl}/{pages.Slug}");
    }
}
