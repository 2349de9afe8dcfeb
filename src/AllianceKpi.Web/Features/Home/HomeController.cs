using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Home;

/// <summary>The public portal.</summary>
[AllowAnonymous]
public sealed class HomeController(HomeHandler handler) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await handler.HomeAsync(cancellationToken));
}
