using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Home;

/// <summary>The public portal: news, programme description, approved projects, contact and Q&amp;A.</summary>
public sealed class HomeController : Controller
{
    [AllowAnonymous]
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] HomeHandler handler, [FromServices] Workflow.ReturnedFormsHandler returned,
        CancellationToken cancellationToken) =>
        View((await handler.HomeAsync(cancellationToken)) with { Returned = await returned.ForAsync(User, cancellationToken) });

    [AllowAnonymous]
    [HttpGet("/news/{id:int}")]
    public async Task<IActionResult> News(int id, [FromServices] HomeHandler handler, CancellationToken cancellationToken)
    {
        var item = await handler.NewsAsync(id, cancellationToken);
        return item is null ? NotFound() : View(item);
    }

    [AllowAnonymous]
    [HttpGet("/about")]
    public async Task<IActionResult> About([FromServices] AboutHandler handler, CancellationToken cancellationToken) =>
        View(await handler.AboutAsync(cancellationToken));

    [AllowAnonymous]
    [HttpGet("/approved")]
    public async Task<IActionResult> Approved(int? year, [FromServices] ApprovedHandler handler, CancellationToken cancellationToken) =>
        View(await handler.ApprovedAsync(year, cancellationToken));

    [AllowAnonymous]
    [HttpGet("/contact")]
    public IActionResult Contact([FromServices] ContactHandler handler) => View(handler.Contact());

    [AllowAnonymous]
    [HttpGet("/qa")]
    public async Task<IActionResult> Qa([FromServices] QaHandler handler, CancellationToken cancellationToken) =>
        View(await handler.ListAsync(cancellationToken));
}
