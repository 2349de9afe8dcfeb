using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.ExpectedResults;

/// <summary>預期成果資料填寫: Step 1 choose the 預期成果綜整表, Step 2 the user's projects, Step 3 open a project's form.</summary>
public sealed class ExpectedResultsListController(ExpectedResultsListHandler handler) : Controller
{
    [Authorize]
    [HttpGet("/expected-results")]
    public async Task<IActionResult> Index(int? periodId, CancellationToken cancellationToken) =>
        View("Index", await handler.PageAsync(User, periodId, cancellationToken));
}
