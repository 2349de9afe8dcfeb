using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.Exports;

/// <summary>
/// 產生全部綜整表 PDF（zip）: the office picks a period; a background job (<see cref="ZipExportWorker"/>) prints every project's
/// 季綜整表 into one zip; the page shows each job's progress (a script polls the status, without it the page is refreshed) and
/// the download when done.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class ZipExportController(ZipExportHandler handler) : Controller
{
    public const string Route = "/office/exports/summaries";

    public static string StatusUrl(int jobId) => $"{Route}/{jobId}/status";

    public static string DownloadUrl(int jobId) => $"{Route}/{jobId}/download";

    [HttpGet(Route)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("/Features/Office/Exports/ZipExport.cshtml", await handler.PageAsync(cancellationToken));

    [HttpPost(Route)]
    public async Task<IActionResult> Start(int periodId, CancellationToken cancellationToken)
    {
        if (await handler.RequestAsync(periodId, User.RequiredUserId(), cancellationToken) is null)
        {
            return NotFound();
        }
        this.Success("已開始產生全部綜整表 PDF，完成後可於下方下載。");
        return Redirect(Route);
    }

    [HttpGet(Route + "/{jobId:int}/status")]
    public async Task<IActionResult> Status(int jobId, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return await handler.StatusAsync(jobId, cancellationToken) is { } status ? Json(status) : NotFound();
    }

    [HttpGet(Route + "/{jobId:int}/download")]
    public async Task<IActionResult> Download(int jobId, CancellationToken cancellationToken)
    {
        if (await handler.FileAsync(jobId, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        Response.Headers.ContentDisposition = DownloadHeaders.Attachment(file.FileName);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, "application/zip");
    }
}
