using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Evaluation;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// 季綜整表 and 累計綜整表 of one project and period (?view=period|cumulative): the HTML preview, and the same HTML printed to PDF by
/// Chromium. When the summary cannot be had (累計 before 預期成果 was submitted) or PDFs cannot be printed on this server, a page
/// says why.
/// </summary>
public sealed class SummaryController(EvaluationContextHandler contexts, SubmittedSummaryHandler summaries, SummaryPdfHandler documents,
    AppDbContext db, SummaryPdfFiles pdfFiles, ILogger<SummaryController> logger) : Controller
{
    public const string Route = "/projects/{projectId:int}/summary/{periodId:int}";
    public const string ViewPath = SummaryPdfHandler.ViewPath;
    public const string PdfUnavailableMessage = "目前無法產生 PDF，請稍後再試或聯絡計畫辦公室。";

    public static string PreviewUrl(int projectId, int periodId, SummaryView view) =>
        $"/projects/{projectId}/summary/{periodId}?view={Name(view)}";

    public static string PdfUrl(int projectId, int periodId, SummaryView view) =>
        $"/projects/{projectId}/summary/{periodId}.pdf?view={Name(view)}";

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet(Route)]
    public async Task<IActionResult> Preview(int projectId, int periodId, string? view, CancellationToken cancellationToken)
    {
        var (refused, document, context, chosen) = await DocumentAsync(projectId, periodId, view, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var links = new SummaryLinks(PdfUrl(projectId, periodId, chosen), context!.Url);
        var html = await documents.HtmlAsync(ControllerContext, document!.Report with { Links = links });
        Response.Headers.CacheControl = "private, no-store";
        return Content(html, "text/html; charset=utf-8");
    }

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet(Route + ".pdf")]
    public async Task<IActionResult> Pdf(int projectId, int periodId, string? view, CancellationToken cancellationToken)
    {
        if (Parse(view) is { } quick && await summaries.CachedPdfAsync(projectId, periodId, quick, cancellationToken) is { } cached)
        {
            if (await pdfFiles.PathAsync(db, cached, cancellationToken) is { } path)
            {
                DownloadHeadersOf(cached.FileName);
                return new StoredFileResult(path, "application/pdf");
            }
            if (await StoredPdfStream.OpenAsync(db, cached, cancellationToken) is { } stored)
            {
                DownloadHeadersOf(cached.FileName);
                return File(stored, "application/pdf");
            }
        }
        var (refused, document, context, chosen) = await DocumentAsync(projectId, periodId, view, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        byte[] bytes;
        try
        {
            bytes = await documents.PdfAsync(ControllerContext, document!, cancellationToken);
        }
        catch (PdfUnavailableException ex)
        {
            logger.LogError(ex, "A summary PDF could not be printed");
            return Unavailable(context!, PdfUnavailableMessage, StatusCodes.Status503ServiceUnavailable);
        }
        return PdfFile(bytes, SummaryReportHandler.FileName(context!, chosen));
    }

    private FileContentResult PdfFile(byte[] bytes, string fileName)
    {
        DownloadHeadersOf(fileName);
        return File(bytes, "application/pdf");
    }

    private void DownloadHeadersOf(string fileName)
    {
        Response.Headers.ContentDisposition = DownloadHeaders.Attachment(fileName);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
    }

    /// <summary>The summary to show (live, or frozen at 確定送出), or the answer instead of it: 404 (unknown view, project or period) or the refusal page.</summary>
    private async Task<(IActionResult? Refused, SummaryDocument? Document, EvaluationContext? Context, SummaryView View)> DocumentAsync(
        int projectId, int periodId, string? view, CancellationToken cancellationToken)
    {
        if (Parse(view) is not { } chosen)
        {
            return (NotFound(), null, null, default);
        }
        var context = await contexts.LoadAsync(User, projectId, periodId, tracked: false, cancellationToken);
        if (context is null)
        {
            return (NotFound(), null, null, chosen);
        }
        if (SummaryReportHandler.Refusal(context, chosen) is { } refusal)
        {
            return (Unavailable(context, refusal, StatusCodes.Status200OK), null, context, chosen);
        }
        return (null, await summaries.DocumentAsync(context, chosen, cancellationToken), context, chosen);
    }

    private ViewResult Unavailable(EvaluationContext context, string message, int status)
    {
        Response.StatusCode = status;
        return View("SummaryUnavailable", new SummaryUnavailable(message, context.Url));
    }

    private static SummaryView? Parse(string? view) => view switch
    {
        null or "" or "period" => SummaryView.Period,
        "cumulative" => SummaryView.Cumulative,
        _ => null,
    };

    private static string Name(SummaryView view) => view == SummaryView.Cumulative ? "cumulative" : "period";
}

/// <summary>Why a summary cannot be shown or downloaded now, with the way back to the 管考資料 form.</summary>
public sealed record SummaryUnavailable(string Message, string BackUrl);
