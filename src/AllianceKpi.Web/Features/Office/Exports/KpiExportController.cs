using System.Diagnostics;
using AllianceKpi.Infrastructure.Reports;
using AllianceKpi.Web.Features.Office.PeriodKpi;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Features.Reports;
using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.Exports;

/// <summary>全計畫 KPI 總表 of a report period as one Excel workbook, for the office.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class KpiExportController(PeriodKpiHandler kpi, ILogger<KpiExportController> logger) : Controller
{
    /// <summary>Without a period: the open report period with the nearest deadline ahead, else the latest.</summary>
    [HttpGet("/office/exports/kpi.xlsx")]
    public async Task<IActionResult> Workbook(int? periodId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var chosen = periodId ?? await kpi.DefaultPeriodIdAsync(cancellationToken);
        var set = chosen is { } id ? await kpi.LoadAsync(id, cancellationToken) : null;
        if (set is null)
        {
            return NotFound();
        }
        var bytes = ReportWorkbookWriter.Write(KpiWorkbookBuilder.Build(set));
        logger.LogInformation("KPI workbook of period {PeriodId}: {Projects} projects in {Elapsed} ms", set.Period.Id, set.Projects.Count,
            (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Response.Headers.ContentDisposition = DownloadHeaders.Attachment(KpiWorkbookBuilder.FileName(set));
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, ProgressReportsController.XlsxContentType);
    }
}
