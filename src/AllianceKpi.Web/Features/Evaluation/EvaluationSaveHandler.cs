using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Files;
using AllianceKpi.Web.Features.Reports;
using AllianceKpi.Web.Features.Workflow;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>
/// Saves the 管考資料 form: role first (403), then shape and the form's own checks, the version (conflict view), the workflow's
/// decision with the checklist, the files (refused → nothing kept), then one transaction: the content with its new files, then
/// the audit row and, on 確定送出, the state change with its history row, snapshot and frozen summaries. Replaced files go only after the commit.
/// </summary>
public sealed class EvaluationSaveHandler(AppDbContext db, FormWorkflowHandler workflow, AttachmentService attachments, TimeProvider clock,
    SubmittedSummaryHandler summaries)
{
    public const string ConfirmMessage = "送出前檢查列有提醒事項，請勾選「我已確認上列提醒」後再確定送出。";

    public async Task<EvaluationSaveOutcome> SaveAsync(EvaluationSave save, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var (context, input) = (save.Context, save.Input);
        if (context.Actor is not (Actor.Pi or Actor.Assistant) || (save.Submit && context.Actor != Actor.Pi))
        {
            return EvaluationSaveOutcome.Forbidden;
        }
        if (!modelState.IsValid)
        {
            return EvaluationRefusals.Invalid(save, modelState);
        }
        if (!context.IsNew && context.Form.Version != input.Version)
        {
            return EvaluationRefusals.Conflict(input, context.Form, modelState);
        }
        var before = context.ContentSnapshot(context.IsNew ? Blank(context) : context.Form);
        input.ApplyTo(context.Form);
        var violations = context.Form.Check();
        if (violations.Count > 0)
        {
            modelState.AddViolations(violations.Select(v => new Domain.Common.DomainViolation(EvaluationInputNames.Of(v.Field), v.Message)));
            return EvaluationRefusals.Invalid(save, modelState);
        }
        var step = Decide(save, modelState);
        if (step is null)
        {
            return new(EvaluationSaveResult.Refused, EvaluationRefusals.FirstError(modelState));
        }
        var stored = save.WithFiles ? await StoreFilesAsync(save, modelState, cancellationToken) : [];
        if (stored is null)
        {
            return EvaluationRefusals.Invalid(save, modelState);
        }
        return await CommitAsync(save, step, before, stored, modelState, cancellationToken);
    }

    /// <summary>The workflow's context for the step, or null (reason in ModelState) when the step is refused or needs the confirmation.</summary>
    private WorkflowContext? Decide(EvaluationSave save, ModelStateDictionary modelState)
    {
        var context = save.Context;
        // Only 確定送出 weighs the checklist (its blocking items and the warnings to confirm); a draft is saved on role, state and dates.
        var checklist = save.Submit ? context.Checklist() : [];
        var step = workflow.Context(context.Form, context.Progress.Period, context.Actor!.Value, SubmissionChecklist.BlockingCount(checklist));
        var decision = FormWorkflow.Decide(step, save.Submit ? WorkflowRequest.Submit : WorkflowRequest.SaveDraft);
        if (!decision.Allowed)
        {
            modelState.AddModelError("", decision.Refusal!.Message);
            EvaluationRefusals.ChooseAgain(save, modelState);
            return null;
        }
        if (save.Submit && !save.Input.ConfirmWarnings && checklist.Any(c => c.Severity == ChecklistSeverity.Warning))
        {
            modelState.AddModelError(EvaluationInputNames.ConfirmWarnings, ConfirmMessage);
            EvaluationRefusals.ChooseAgain(save, modelState);
            return null;
        }
        return step;
    }

    private async Task<EvaluationSaveOutcome> CommitAsync(EvaluationSave save, WorkflowContext step, Snapshot before,
        List<(int Item, Attachment Attachment)> stored, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var (context, form) = (save.Context, save.Context.Form);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = context.IsNew;
        Track(context, save.Input.Version, now);
        var replaced = Link(form, stored);
        if (!added && !save.Submit && stored.Count == 0)
        {
            return await SaveDraftAsync(save, before, now, modelState, cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TrySaveAsync(added, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return await ConflictAfterRaceAsync(save, stored, modelState, cancellationToken);
        }
        await RecordAsync(save, step, before, added, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var id in replaced)
        {
            await attachments.RemoveAsync(form.ProjectId, id, cancellationToken);
        }
        return new(EvaluationSaveResult.Saved) { SavedAt = now };
    }

    /// <summary>
    /// A draft of a form that exists, without files (what the autosave sends): every fact of its audit row is known before the
    /// save, so the row goes out with the form in one pass of EF's save and its own transaction. On SQLite that transaction
    /// holds the file's one write lock; the row's snapshot and a second pass no longer run inside it (docs/performance.md,
    /// round 15). A conflict writes neither.
    /// </summary>
    private async Task<EvaluationSaveOutcome> SaveDraftAsync(EvaluationSave save, Snapshot before, DateTime now,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var (context, form) = (save.Context, save.Context.Form);
        if (EvaluationAudit.Of(form, before, context.ContentSnapshot(), added: false, save.UserId, now) is { } audit)
        {
            db.AuditEntries.Add(audit);
        }
        if (!await TrySaveAsync(added: false, cancellationToken))
        {
            return await ConflictAfterRaceAsync(save, [], modelState, cancellationToken);
        }
        return new(EvaluationSaveResult.Saved) { SavedAt = now };
    }

    /// <summary>Someone saved between the version check and the write: nothing of this save is kept, the stored form is shown beside the user's.</summary>
    private async Task<EvaluationSaveOutcome> ConflictAfterRaceAsync(EvaluationSave save, List<(int Item, Attachment Attachment)> stored,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        foreach (var (_, attachment) in stored)
        {
            await attachments.DiscardAsync(attachment, cancellationToken);
        }
        var current = await db.EvaluationForms.AsNoTracking().Include(f => f.Items)
            .FirstAsync(f => f.ProjectId == save.Context.ProjectId && f.ReportingPeriodId == save.Context.PeriodId, cancellationToken);
        return EvaluationRefusals.Conflict(save.Input, current, modelState);
    }

    /// <summary>After the content is written (the form has its id): the audit row and, on 確定送出, the state change with its records.</summary>
    private async Task RecordAsync(EvaluationSave save, WorkflowContext step, Snapshot before, bool added, DateTime now,
        CancellationToken cancellationToken)
    {
        var (context, form) = (save.Context, save.Context.Form);
        if (EvaluationAudit.Of(form, before, context.ContentSnapshot(), added, save.UserId, now) is { } audit)
        {
            db.AuditEntries.Add(audit);
        }
        if (!save.Submit)
        {
            return;
        }
        var refusal = await workflow.ApplyAsync(context.Ref, form, step, WorkflowRequest.Submit, save.UserId, context.Snapshot, context.Url,
            cancellationToken);
        if (refusal is not null)
        {
            // Decided on the same facts a moment ago; a refusal now is a bug, and the transaction is not committed.
            throw new InvalidOperationException($"確定送出 was allowed, then refused: {refusal.Message}");
        }
        await summaries.FreezeAsync(context, cancellationToken);
    }

    private void Track(EvaluationContext context, Guid editedVersion, DateTime now)
    {
        var form = context.Form;
        form.UpdatedAt = now;
        if (context.IsNew)
        {
            form.CreatedAt = now;
            db.EvaluationForms.Add(form);
            return;
        }
        db.ExpectVersion(form, editedVersion);
        // A change of an item's text alone must still stamp a new Version on the form (and meet the version check).
        db.Entry(form).Property(f => f.UpdatedAt).IsModified = true;
    }

    /// <summary>Points the items at their new files; returns the files they held before, to remove after the commit.</summary>
    private List<int> Link(EvaluationForm form, List<(int Item, Attachment Attachment)> stored)
    {
        var replaced = new List<int>();
        foreach (var (item, attachment) in stored)
        {
            var row = form.Item(item);
            if (row.AttachmentId is { } previous)
            {
                replaced.Add(previous);
            }
            row.AttachmentId = db.Entry(attachment).Property(a => a.Id).CurrentValue;
        }
        return replaced;
    }

    private async Task<bool> TrySaveAsync(bool added, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException) when (added)
        {
            // Someone else created the form of this project and period at the same moment (unique index).
            return false;
        }
    }

    private async Task<List<(int Item, Attachment Attachment)>?> StoreFilesAsync(EvaluationSave save, ModelStateDictionary modelState,
        CancellationToken cancellationToken)
    {
        var stored = new List<(int Item, Attachment Attachment)>();
        foreach (var (item, file) in save.Input.Files())
        {
            var upload = await attachments.StoreAsync(save.Context.ProjectId, file, save.UserId, cancellationToken, EvaluationInputNames.Attachment(item));
            if (!upload.Succeeded)
            {
                modelState.AddViolations(upload.Violations);
                foreach (var (_, kept) in stored)
                {
                    await attachments.DiscardAsync(kept, cancellationToken);
                }
                return null;
            }
            stored.Add((item, upload.Attachment!));
        }
        return stored;
    }

    private static EvaluationForm Blank(EvaluationContext context) =>
        new() { ProjectId = context.ProjectId, ReportingPeriodId = context.PeriodId };
}
