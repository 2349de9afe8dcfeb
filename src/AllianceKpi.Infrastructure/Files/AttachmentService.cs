using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AllianceKpi.Infrastructure.Files;

/// <summary>An upload that was checked and stored (its row added to the context, not saved), or the reasons it was refused.</summary>
public sealed record AttachmentUpload(Attachment? Attachment, IReadOnlyList<DomainViolation> Violations)
{
    public bool Succeeded => Attachment is not null;
}

/// <summary>
/// Attachments of work-progress entries. The row is saved together with its entry, so a failed save leaves no row; the file is
/// removed by <see cref="DiscardAsync"/> then. Pattern of a form handler (create, or edit with a new file):
/// <code>
/// var upload = await attachments.StoreAsync(projectId, form.File, userId, ct);       // nothing kept when refused
/// if (!upload.Succeeded) { ModelState.AddViolations(upload.Violations); return; }
/// var replaced = attachments.Link(entry, upload.Attachment!);                           // the id the entry had before, if any
/// if (!await db.TrySaveAsync(ct)) { await attachments.DiscardAsync(upload.Attachment!, ct); return; }
/// await attachments.RemoveAsync(projectId, replaced, ct);                               // the old file goes only after the save
/// </code>
/// Deleting an entry: remove it, save, then <see cref="RemoveAsync"/> its attachment id.
/// </summary>
public sealed class AttachmentService(AppDbContext db, IFileStore files, TimeProvider clock, ILogger<AttachmentService> logger)
{
    public const string StorageFailed = "伺服器目前無法儲存檔案（儲存空間已滿或無法寫入），這筆資料尚未儲存；其他欄位已保留，請稍後再試或通知計畫辦公室。";

    public async Task<AttachmentUpload> StoreAsync(int projectId, IFormFile file, string userId,
        CancellationToken cancellationToken = default, string field = UploadCheck.Field)
    {
        await using var content = file.OpenReadStream();
        return await StoreAsync(projectId, content, file.FileName, file.Length, userId, cancellationToken, field);
    }

    /// <summary>Checks and stores a file; <paramref name="content"/> must be seekable (its first bytes are read twice).</summary>
    public async Task<AttachmentUpload> StoreAsync(int projectId, Stream content, string fileName, long length, string userId,
        CancellationToken cancellationToken = default, string field = UploadCheck.Field)
    {
        var head = await ReadHeadAsync(content, cancellationToken);
        var violations = UploadCheck.Check(fileName, length, head, field);
        if (violations.Count > 0)
        {
            return new AttachmentUpload(null, violations);
        }
        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(content, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk or an unwritable Storage:Root: the user's other fields are kept by the form, nothing is saved.
            logger.LogError(ex, "An upload for project {ProjectId} could not be written to the file store", projectId);
            return new AttachmentUpload(null, [new DomainViolation(field, StorageFailed)]);
        }
        violations = UploadCheck.Check(fileName, stored.Length, head, field);
        if (violations.Count > 0)
        {
            // The bytes received decide, not the length the client announced.
            await files.DeleteAsync(stored.Key, cancellationToken);
            return new AttachmentUpload(null, violations);
        }
        var attachment = new Attachment
        {
            ProjectId = projectId,
            StorageKey = stored.Key,
            OriginalName = UploadCheck.CleanName(fileName),
            ContentType = UploadCheck.KindOf(fileName)!.ContentType,
            Length = stored.Length,
            Sha256 = stored.Sha256,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedByUserId = userId,
        };
        db.Attachments.Add(attachment);
        logger.LogInformation("Attachment {StorageKey} stored for project {ProjectId} ({Bytes} bytes)", stored.Key, projectId, stored.Length);
        return new AttachmentUpload(attachment, []);
    }

    /// <summary>
    /// Points the entry at the attachment, also while neither is saved yet (the temporary key is replaced by the real one on save).
    /// Returns the attachment id the entry pointed at before, for <see cref="RemoveAsync"/> after a successful save.
    /// </summary>
    public int? Link(ProgressEntry entry, Attachment attachment)
    {
        var previous = entry.AttachmentId;
        entry.AttachmentId = db.Entry(attachment).Property(a => a.Id).CurrentValue;
        return previous;
    }

    /// <summary>After a failed save: forgets the unsaved row and deletes the stored file.</summary>
    public async Task DiscardAsync(Attachment attachment, CancellationToken cancellationToken = default)
    {
        var tracked = db.Entry(attachment);
        if (tracked.State == EntityState.Added)
        {
            tracked.State = EntityState.Detached;
        }
        await files.DeleteAsync(attachment.StorageKey, cancellationToken);
        logger.LogInformation("Attachment {StorageKey} discarded after a failed save", attachment.StorageKey);
    }

    /// <summary>
    /// Deletes an attachment of the project (row, then file) once no entry points at it any more: after the entry that held it was
    /// saved with a new file or deleted. Saves the context. Nothing happens for null or for an id of another project.
    /// </summary>
    public async Task RemoveAsync(int projectId, int? attachmentId, CancellationToken cancellationToken = default)
    {
        if (attachmentId is not { } id)
        {
            return;
        }
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == id && a.ProjectId == projectId, cancellationToken);
        if (attachment is null)
        {
            return;
        }
        db.Attachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteAsync(attachment.StorageKey, cancellationToken);
        logger.LogInformation("Attachment {AttachmentId} ({StorageKey}) of project {ProjectId} removed", id, attachment.StorageKey, projectId);
    }

    private static async Task<byte[]> ReadHeadAsync(Stream content, CancellationToken cancellationToken)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The upload stream must be seekable.", nameof(content));
        }
        var start = content.Position;
        var head = new byte[UploadCheck.HeadLength];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        content.Position = start;
        return head[..read];
    }
}
