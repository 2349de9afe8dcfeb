using AllianceKpi.Web.Features.Account;
using AllianceKpi.Web.Features.Workflow;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>
/// 管考資料填寫 of one project and report period: the form (GET), 資料暫存 / 確定送出 (POST with command=save|submit, multipart
/// for the items' files) and the autosave (JSON, no files). Who may do what is decided inside the handler (the office views only).
/// </summary>
public sealed class EvaluationController(EvaluationContextHandler contexts, EvaluationPageHandler pages, EvaluationSaveHandler saves,
    SessionClock sessions) : Controller
{
    public const string Route = "/projects/{projectId:int}/evaluation/{periodId:int}";
    public const string SavedMessage = "管考資料已暫存，送出前仍可修改。";
    public const string SubmittedMessage = "管考資料已確定送出。";
    public const string ForbiddenMessage = "您沒有修改這份管考資料的權限。";

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet(Route)]
    public async Task<IActionResult> Form(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, tracked: false, cancellationToken);
        return context is null ? NotFound() : View(await pages.BuildAsync(context, null, [], cancellationToken));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost(Route)]
    public async Task<IActionResult> Form(int projectId, int periodId, [Bind(Prefix = EvaluationInputNames.Prefix)] EvaluationInput form,
        string? command, CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, tracked: true, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }
        var submit = string.Equals(command, "submit", StringComparison.Ordinal);
        var outcome = await saves.SaveAsync(new EvaluationSave(context, form, submit, User.RequiredUserId(), WithFiles: true), ModelState,
            cancellationToken);
        switch (outcome.Result)
        {
            case EvaluationSaveResult.Forbidden:
                return Forbid();
            case EvaluationSaveResult.Saved:
                this.Success(submit ? SubmittedMessage : SavedMessage);
                return Redirect(context.Url);
        }
        var shown = outcome.Current is { } current ? context with { Form = current } : context;
        return View(nameof(Form), await pages.BuildAsync(shown, form, outcome.Conflicts ?? [], cancellationToken));
    }

    /// <summary>資料暫存 without files, a few seconds after typing stops: 200 with the new Version, 409 on a conflict or a locked form, 400 otherwise.</summary>
    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost(Route + "/autosave")]
    public async Task<IActionResult> Autosave(int projectId, int periodId, [Bind(Prefix = EvaluationInputNames.Prefix)] EvaluationInput form,
        CancellationToken cancellationToken)
    {
        var context = await contexts.LoadForDraftAsync(User, projectId, periodId, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }
        var outcome = await saves.SaveAsync(new EvaluationSave(context, form, false, User.RequiredUserId(), WithFiles: false), ModelState,
            cancellationToken);
        return outcome.Result switch
        {
            EvaluationSaveResult.Saved => Json(new AutosaveResult(TaiwanTime(outcome.SavedAt), context.Form.Version,
                await sessions.CurrentAsync(HttpContext))),
            EvaluationSaveResult.Forbidden => StatusCode(StatusCodes.Status403Forbidden, new AutosaveRefusal(ForbiddenMessage)),
            EvaluationSaveResult.Conflict or EvaluationSaveResult.Refused => Conflict(new AutosaveRefusal(outcome.Message ?? "")),
            _ => BadRequest(new AutosaveRefusal(outcome.Message ?? "")),
        };
    }

    private static string TaiwanTime(DateTime utc) =>
        utc.AddHours(8).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
