using System.Text.Encodings.Web;
using System.Text.Json;
using AllianceKpi.Domain.Audit;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.ExpectedResults;

public enum SaveStatus
{
    /// <summary>Stored (資料暫存) or stored and submitted (確定送出).</summary>
    Saved,

    /// <summary>The user may not do this at all: 確定送出 by anyone but the PI, any change by the office (403).</summary>
    Forbidden,

    /// <summary>Refused with reasons in ModelState: a bad value, the workflow (locked, deadline, checklist); nothing stored.</summary>
    Refused,

    /// <summary>Someone else saved the form since the page was built; nothing stored, both versions to merge.</summary>
    Conflict,
}

/// <summary>What a save came to; <see cref="Context"/> is the form as stored now (reloaded after a conflict).</summary>
public sealed record ExpectedResultsSave(SaveStatus Status, ExpectedResultsContext Context, IReadOnlyList<ConflictField> Conflicts)
{
    public const string ConflictMessage = "這份資料在您編輯時已被他人儲存：下方列出兩邊不同的欄位，請選擇要保留的內容後再儲存。";
}

/// <summary>
/// 資料暫存 and 確定送出 of the 預期成果 form: who may (the PI submits; the office never edits), the workflow's gate (locks,
/// deadline), the values, the Version the page was built from, the checklist; then one transaction with the form, the
/// workflow's records (history, the snapshot of a 確定送出) and an audit row of the fields that changed.
/// </summary>
public sealed class ExpectedResultsSaveHandler(AppDbContext db, FormWorkflowHandler workflow, ExpectedResultsHandler pages, TimeProvider clock)
{
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<ExpectedResultsSave> SaveAsync(ExpectedResultsContext context, ExpectedResultsForm form, FormAction action,
        string userId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (context.Actor is not (Actor.Pi or Actor.Assistant) || (action == FormAction.Submit && context.Actor != Actor.Pi))
        {
            return new(SaveStatus.Forbidden, context, []);
        }
        var actor = context.Actor.Value;
        var request = action == FormAction.Submit ? WorkflowRequest.Submit : WorkflowRequest.SaveDraft;
        var gate = FormWorkflow.Decide(workflow.Context(context.Form, context.Period, actor), request);
        if (!gate.Allowed)
        {
            return Refuse(context, modelState, gate.Refusal!.Message);
        }
        foreach (var violation in form.Check())
        {
            modelState.AddModelError($"{ExpectedResultsForm.Prefix}.{violation.Field}", violation.Message);
        }
        if (!modelState.IsValid)
        {
            return new(SaveStatus.Refused, context, []);
        }
        if (!context.IsNew && !db.ExpectVersion(context.Form, form.Version))
        {
            return Conflict(context, form, modelState);
        }
        return await ApplyAsync(context, form, actor, request, userId, modelState, cancellationToken);
    }

    private async Task<ExpectedResultsSave> ApplyAsync(ExpectedResultsContext context, ExpectedResultsForm form, Actor actor,
        WorkflowRequest request, string userId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var entity = context.Form;
        var before = Snapshot(context.IsNew ? new Domain.Forms.ExpectedResults { ProjectId = entity.ProjectId } : entity, context);
        form.ApplyTo(entity);
        foreach (var violation in entity.Check())
        {
            modelState.AddModelError(ExpectedResultsForm.InputOf(violation.Field) ?? "", violation.Message);
        }
        if (!modelState.IsValid)
        {
            return new(SaveStatus.Refused, context, []);
        }
        var blocking = request.Action == FormAction.Submit
            ? SubmissionChecklist.BlockingCount(SubmissionChecklist.Check(ChecklistInputs.ForExpectedResults(entity)))
            : 0;
        var refusal = await workflow.ApplyAsync(context.Ref, entity, workflow.Context(entity, context.Period, actor, blocking), request,
            userId, () => Snapshot(entity, context), context.FormUrl, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(context, modelState, refusal.Message);
        }
        var now = Stamp(context);
        var changes = SnapshotDiff.Compare(before, Snapshot(entity, context));
        return await TrySaveAsync(context, changes, userId, now, cancellationToken)
            ? new(SaveStatus.Saved, context, [])
            : await ReloadedConflictAsync(context, form, modelState, cancellationToken);
    }

    /// <summary>Dates the save; a new form is added, a stored one is marked changed even when only a note changed.</summary>
    private DateTime Stamp(ExpectedResultsContext context)
    {
        var entity = context.Form;
        var now = clock.GetUtcNow().UtcDateTime;
        entity.UpdatedAt = now;
        if (context.IsNew)
        {
            entity.CreatedAt = now;
            db.ExpectedResults.Add(entity);
        }
        else
        {
            // Notes are rows of their own: touching the form makes every save check and renew its Version.
            db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;
        }
        return now;
    }

    /// <summary>The form and its records, then (the form's id known) the audit row, in one transaction. False: someone else saved first.</summary>
    private async Task<bool> TrySaveAsync(ExpectedResultsContext context, IReadOnlyList<SnapshotChange> changes, string userId, DateTime now,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || context.IsNew)
        {
            // A stale Version, or another first save of the same project and year (unique ProjectId + Year).
            return false;
        }
        if (changes.Count > 0)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                ProjectId = context.Project.Id,
                EntityType = "ExpectedResults",
                EntityId = context.Form.Id,
                Action = context.IsNew ? AuditAction.Added : AuditAction.Modified,
                UserId = userId,
                At = now,
                Changes = JsonSerializer.Serialize(changes.Select(c => new AuditChange(c.Label, c.Before, c.After)).ToList(), AuditJson),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<ExpectedResultsSave> ReloadedConflictAsync(ExpectedResultsContext context, ExpectedResultsForm form,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var stored = await pages.LoadAsync(context.Project.Id, context.Period.Id, context.Actor, cancellationToken);
        return stored is null ? Refuse(context, modelState, ExpectedResultsSave.ConflictMessage) : Conflict(stored, form, modelState);
    }

    /// <summary>Every field whose stored value differs from what the user sent: theirs and mine, and the current Version for the next save.</summary>
    private static ExpectedResultsSave Conflict(ExpectedResultsContext stored, ExpectedResultsForm form, ModelStateDictionary modelState)
    {
        var mine = new Domain.Forms.ExpectedResults { ProjectId = stored.Project.Id };
        form.ApplyTo(mine);
        var conflicts = SnapshotDiff.Compare(Snapshot(stored.Form, stored), Snapshot(mine, stored))
            .Select(change => (Input: ExpectedResultsForm.InputOf(change.Path), Change: change))
            .Where(c => c.Input is not null)
            .Select(c => new ConflictField(c.Input!, c.Change.Label, c.Change.After, c.Change.Before))
            .ToList();
        form.Version = stored.Form.Version;
        modelState.AddModelError("", ExpectedResultsSave.ConflictMessage);
        return new(SaveStatus.Conflict, stored, conflicts);
    }

    private static ExpectedResultsSave Refuse(ExpectedResultsContext context, ModelStateDictionary modelState, string message)
    {
        modelState.AddModelError("", message);
        return new(SaveStatus.Refused, context, []);
    }

    private static Snapshot Snapshot(Domain.Forms.ExpectedResults form, ExpectedResultsContext context) =>
        FormSnapshots.ForExpectedResults(form, context.Period.Id);
}
