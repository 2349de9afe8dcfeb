using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.Outbox;

/// <summary>寄件匣: what the portal sent or means to send, with the links the office may hand over by other means.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class OutboxController(OutboxHandler handler) : Controller
{
    [HttpGet("/office/outbox")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default) =>
        View(await handler.PageAsync(page, cancellationToken));
}
