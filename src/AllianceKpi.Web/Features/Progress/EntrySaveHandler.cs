using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Files;
using AllianceKpi.Infrastructure.Submissions;
using AllianceKpi.Web.Features.Office;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>One save of a 工作進度 entry with its optional file; a new entry's form may carry a one-time key (decision 0024).</summary>
public sealed record EntrySave<T>(ProgressContext Context, T Entry, bool IsNew, Guid Version, IFormFile? File, Action<T> Apply,
    SubmissionClaim? Claim = null)
    where T : ProgressEntry;

/// <summary>The file an entry holds now.</summary>
public sealed record CurrentAttachment(int Id, string Name);

/// <summary>What a save came to: the entry was not found (404), the form must be shown again, or the saved id and a warning.</summary>
public sealed record EntrySaveOutcome(bool Found, int? SavedId, string? Warning)
{
    /// <summary>The fields another user saved differently meanwhile (a version conflict), for the user to merge.</summary>
    public IReadOnlyList<Workflow.ConflictField> Conflicts { get; init; } = [];

    public static readonly EntrySaveOutcome NotFound = new(false, null, null);
    public static readonly EntrySaveOutcome Refused = new(true, null, null);
}

/// <summary>What a delete came to: not found (404), refused with a reason, or deleted.</summary>
public sealed record DeleteOutcome(bool Found, string? Refusal)
{
    public static readonly DeleteOutcome NotFound = new(false, null);
    public static readonly DeleteOutcome Deleted = new(true, null);
}

/// <summary>
/// Saves a 工作進度 entry and its file the way decision 0008 says: shape and business errors first (nothing stored), then the
/// file (refused → nothing kept), one save (failed → file discarded), and the replaced file removed only after the save.
/// Errors go into ModelState under the form prefix; a chosen file cannot be kept across a redisplay, so the user is told.
/// A new entry whose form's key was used already is not saved again: the save answers with the entry the first POST created.
/// </summary>
public sealed class EntrySaveHandler(AppDbContext db, AttachmentService attachments, OneTimeSubmissions submissions, TimeProvider clock,
    ProgressContextHandler contexts)
{
    public const string Prefix = "Form";
    public const string AttachmentKey = Prefix + "." + UploadCheck.Field;
    public const string ChooseAgainMessage = "請重新選擇檔案";

    /// <summary>The saved entry's id (the earlier one for a repeated POST), or null when the form must be shown again.</summary>
    public async Task<int?> SaveAsync<T>(EntrySave<T> save, string userId, ModelStateDictionary modelState, CancellationToken cancellationToken)
        where T : ProgressEntry
    {
        var entry = save.Entry;
        var claim = save.IsNew ? save.Claim : null;
        if (claim is not null)
        {
            var state = await submissions.StateAsync(claim, cancellationToken);
            if (state.EarlierId is { } earlier)
            {
                return earlier;
            }
            // Someone else's key (a forged form): saved as a form without a key would be.
            claim = state.Foreign ? null : claim;
        }
        if (!modelState.IsValid || (!save.IsNew && !db.ExpectVersion(entry, save.Version)))
        {
            return Refuse(save, modelState, modelState.IsValid ? SaveResults.ConflictMessage : null);
        }
        save.Apply(entry);
        var now = clock.GetUtcNow().UtcDateTime;
        entry.UpdatedAt = now;
        if (save.IsNew)
        {
            entry.CreatedAt = now;
            entry.ProjectId = save.Context.ProjectId;
            entry.ReportingPeriodId = save.Context.PeriodId;
            db.Add(entry);
        }
        Attachment? stored = null;
        int? replaced = null;
        if (save.File is { } file)
        {
            var upload = await attachments.StoreAsync(save.Context.ProjectId, file, userId, cancellationToken, AttachmentKey);
            if (!upload.Succeeded)
            {
                modelState.AddViolations(upload.Violations);
                return null;
            }
            stored = upload.Attachment!;
            replaced = attachments.Link(entry, stored);
        }
        contexts.SavingFrom(save.Context);
        if (claim is not null)
        {
            if (await submissions.SaveOnceAsync(claim, () => entry.Id, cancellationToken) is { } earlier)
            {
                // A racing POST with the same key saved first: this one's file goes, its answer is the earlier entry.
                if (stored is not null)
                {
                    await attachments.DiscardAsync(stored, cancellationToken);
                }
                return earlier;
            }
        }
        else if (!await db.TrySaveAsync(cancellationToken))
        {
            if (stored is not null)
            {
                await attachments.DiscardAsync(stored, cancellationToken);
            }
            return Refuse(save, modelState, SaveResults.ConflictMessage);
        }
        await contexts.CarryOverAsync<T>(save.Context, entry.Id, deleted: false, cancellationToken);
        await attachments.RemoveAsync(save.Context.ProjectId, replaced, cancellationToken);
        return entry.Id;
    }

    /// <summary>Deletes an entry of the context's project and period, then its file.</summary>
    public async Task DeleteAsync<T>(ProgressContext context, T entry, CancellationToken cancellationToken) where T : ProgressEntry
    {
        db.Remove(entry);
        contexts.SavingFrom(context);
        await db.SaveChangesAsync(cancellationToken);
        await contexts.CarryOverAsync<T>(context, entry.Id, deleted: true, cancellationToken);
        await attachments.RemoveAsync(entry.ProjectId, entry.AttachmentId, cancellationToken);
    }

    /// <summary>The file an entry holds, for the edit form's 「目前檔案」.</summary>
    public async Task<CurrentAttachment?> CurrentAttachmentAsync(int projectId, int? attachmentId, CancellationToken cancellationToken) =>
        attachmentId is null
            ? null
            : await db.Attachments.AsNoTracking().Where(a => a.Id == attachmentId && a.ProjectId == projectId)
                .Select(a => new CurrentAttachment(a.Id, a.OriginalName)).FirstOrDefaultAsync(cancellationToken);

    private static int? Refuse<T>(EntrySave<T> save, ModelStateDictionary modelState, string? message) where T : ProgressEntry
    {
        if (message is not null)
        {
            modelState.AddModelError("", message);
        }
        if (save.File is not null)
        {
            modelState.AddModelError(AttachmentKey, ChooseAgainMessage);
        }
        return null;
    }
}
