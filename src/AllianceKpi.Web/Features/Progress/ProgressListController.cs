using AllianceKpi.Domain.Calendar;
using AllianceKpi.Web.Features.Periods;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>工作進度管理清單: Step 1 choose the period, Step 2 the user's projects, Step 3 open a project's work progress.</summary>
public sealed class ProgressListController(PeriodProjectsHandler handler) : Controller
{
    public static readonly ReportingPeriodKind[] ProgressKinds =
        [ReportingPeriodKind.FirstReport, ReportingPeriodKind.SecondReport, ReportingPeriodKind.FinalReport];

    [Authorize]
    [HttpGet("/progress")]
    public async Task<IActionResult> Index(int? periodId, CancellationToken cancellationToken) =>
        View(await handler.PageAsync(User, periodId, ProgressKinds, cancellationToken));
}
