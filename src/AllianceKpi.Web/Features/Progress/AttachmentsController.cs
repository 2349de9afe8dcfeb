using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>Downloads of work-progress attachments, always as a download under the user's original name.</summary>
public sealed class AttachmentsController(AttachmentsHandler attachments) : Controller
{
    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("/projects/{projectId:int}/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Download(int projectId, int attachmentId, CancellationToken cancellationToken)
    {
        var download = await attachments.OpenAsync(projectId, attachmentId, cancellationToken);
        if (download is null)
        {
            return NotFound();
        }
        Response.Headers.ContentDisposition = DownloadHeaders.Attachment(download.FileName);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(download.Content, download.ContentType);
    }
}
