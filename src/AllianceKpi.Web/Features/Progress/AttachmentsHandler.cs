using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>A stored file ready to send: its content, the user's original name and the type it was accepted as.</summary>
public sealed record AttachmentDownload(Stream Content, string FileName, string ContentType);

/// <summary>Finds an attachment of the project in the route — never of another project — and opens its file.</summary>
public sealed class AttachmentsHandler(AppDbContext db, IFileStore files, ILogger<AttachmentsHandler> logger)
{
    public const string FallbackContentType = "application/octet-stream";

    public async Task<AttachmentDownload?> OpenAsync(int projectId, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking()
            .Where(a => a.ProjectId == projectId && a.Id == attachmentId)
            .Select(a => new { a.StorageKey, a.OriginalName, a.ContentType })
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return null;
        }
        var content = files.OpenRead(attachment.StorageKey);
        if (content is null)
        {
            logger.LogWarning("Attachment {AttachmentId} of project {ProjectId} has no file {StorageKey}", attachmentId, projectId, attachment.StorageKey);
            return null;
        }
        var contentType = string.IsNullOrWhiteSpace(attachment.ContentType) ? FallbackContentType : attachment.ContentType;
        return new AttachmentDownload(content, attachment.OriginalName, contentType);
    }
}
