using AllianceKpi.Domain.Kpi;
using AllianceKpi.Infrastructure.Reports;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// 季成果報表 (the period's entries) and 累計成果報表 (the entries of the period and the earlier ones) of one project's 工作進度,
/// as Excel workbooks judged by the rules engine.
/// </summary>
public sealed class ProgressReportsController(ProgressContextHandler contexts) : Controller
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PeriodReportName = "季成果報表";
    public const string CumulativeReportName = "累計成果報表";

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("/projects/{projectId:int}/progress/{periodId:int}/report.xlsx")]
    public Task<IActionResult> PeriodReport(int projectId, int periodId, CancellationToken cancellationToken) =>
        DownloadAsync(projectId, periodId, PeriodReportName, context => context.Report, cancellationToken);

    [Authorize(Policy = Policies.ProjectMember)]
    [HttpGet("/projects/{projectId:int}/progress/{periodId:int}/cumulative.xlsx")]
    public Task<IActionResult> CumulativeReport(int projectId, int periodId, CancellationToken cancellationToken) =>
        DownloadAsync(projectId, periodId, CumulativeReportName,
            context => KpiEngine.Evaluate(KpiInput.CumulativeThrough(context.Year, context.Year.Periods, context.Period, context.Entries)),
            cancellationToken);

    private async Task<IActionResult> DownloadAsync(int projectId, int periodId, string reportName, Func<ProgressContext, KpiReport> evaluate,
        CancellationToken cancellationToken)
    {
        var context = await contexts.LoadAsync(User, projectId, periodId, cancellationToken);
        if (context is null)
        {
            return NotFound();
        }
        var bytes = ReportWorkbookWriter.Write(ProgressReportBuilder.Build(context, evaluate(context)));
        Response.Headers.ContentDisposition = DownloadHeaders.Attachment(ProgressReportBuilder.FileName(context, reportName));
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, XlsxContentType);
    }
}
