using System.Globalization;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Web.Features.Account;
using AllianceKpi.Web.Features.Workflow;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.ExpectedResults;

/// <summary>
/// 預期成果資料填寫 of one project: the form (read-only when locked, and for the office), 資料暫存 / 確定送出 with
/// Post/Redirect/Get, and the autosave the page's script posts while the user types.
/// </summary>
[Route("/projects/{projectId:int}/expected-results/{periodId:int}")]
public sealed class ExpectedResultsController(ExpectedResultsHandler pages, ExpectedResultsSaveHandler saver, SessionClock sessions,
    TimeProvider clock) : Controller
{
    public const string SavedMessage = "已暫存預期成果，尚可繼續修改。";
    public const string SubmittedMessage = "已確定送出預期成果，資料已鎖定。";
    public const string AutosaveConflictMessage = "這份資料已被他人儲存，自動儲存已停止；請按「資料暫存」比對兩邊的內容後再儲存。";

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("")]
    public async Task<IActionResult> Form(int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await pages.LoadAsync(User, projectId, periodId, cancellationToken);
        return context is null ? NotFound() : View("Form", pages.Page(context));
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("")]
    public async Task<IActionResult> Save(int projectId, int periodId, [Bind(Prefix = ExpectedResultsForm.Prefix)] ExpectedResultsForm form,
        string? command, CancellationToken cancellationToken)
    {
        var context = await pages.LoadAsync(User, projectId, periodId, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }
        var action = command == "submit" ? FormAction.Submit : FormAction.SaveDraft;
        var result = await saver.SaveAsync(context, form, action, User.RequiredUserId(), ModelState, cancellationToken);
        switch (result.Status)
        {
            case SaveStatus.Forbidden:
                return Forbid();
            case SaveStatus.Saved:
                this.Success(action == FormAction.Submit ? SubmittedMessage : SavedMessage);
                return Redirect(context.FormUrl);
            default:
                return View("Form", pages.Page(result.Context, form, result.Conflicts));
        }
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpPost("autosave")]
    public async Task<IActionResult> Autosave(int projectId, int periodId, [Bind(Prefix = ExpectedResultsForm.Prefix)] ExpectedResultsForm form,
        CancellationToken cancellationToken)
    {
        var context = await pages.LoadAsync(User, projectId, periodId, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }
        var result = await saver.SaveAsync(context, form, FormAction.SaveDraft, User.RequiredUserId(), ModelState, cancellationToken);
        return result.Status switch
        {
            SaveStatus.Saved => Json(new AutosaveResult(TaiwanTime(), context.Form.Version, await sessions.CurrentAsync(HttpContext))),
            SaveStatus.Conflict => Conflict(new AutosaveRefusal(AutosaveConflictMessage)),
            SaveStatus.Forbidden => StatusCode(StatusCodes.Status403Forbidden, new AutosaveRefusal(ExpectedResultsHandler.OfficeViewsOnly)),
            _ => BadRequest(new AutosaveRefusal(ExpectedResultsForm.Describe(ModelState))),
        };
    }

    private string TaiwanTime() => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("HH:mm", CultureInfo.InvariantCulture);
}
