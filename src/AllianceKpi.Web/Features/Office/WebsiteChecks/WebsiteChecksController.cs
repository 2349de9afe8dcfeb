using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.WebsiteChecks;

/// <summary>網站抽查: the office's monthly check of every alliance's website (PRODUCT.md 3.5), with 自動檢查 to pre-fill it.</summary>
public sealed class WebsiteChecksController(WebsiteChecksHandler list, WebsiteCheckRecordHandler record) : Controller
{
    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/website-checks")]
    public async Task<IActionResult> Index(string? month, CancellationToken cancellationToken) =>
        View(await list.ListAsync(month, cancellationToken));

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/website-checks/{id:int}")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        var history = await list.HistoryAsync(id, cancellationToken);
        return history is null ? NotFound() : View(history);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/website-checks/{id:int}/record")]
    public async Task<IActionResult> Record(int id, string? month, CancellationToken cancellationToken)
    {
        var form = await record.FormAsync(id, month, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/website-checks/{id:int}/record")]
    public async Task<IActionResult> Record(int id, WebsiteCheckForm form, CancellationToken cancellationToken)
    {
        if (!await record.FillAsync(id, form, cancellationToken))
        {
            return NotFound();
        }
        var result = ModelState.IsValid ? await record.SaveAsync(id, form, User, cancellationToken) : SaveResult.ShapeInvalid;
        return this.Show(result, form, $"已儲存 {form.Alliance.AllianceName} {form.MonthShown()} 的網站抽查結果。", $"/office/website-checks?month={form.MonthShown()}");
    }

    /// <summary>自動檢查: tries the alliance's website and shows the form again, pre-filled; nothing is saved.</summary>
    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/website-checks/{id:int}/probe")]
    public async Task<IActionResult> Probe(int id, WebsiteCheckForm form, CancellationToken cancellationToken)
    {
        if (!await record.FillAsync(id, form, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        await record.ProbeAsync(form, cancellationToken);
        return View(nameof(Record), form);
    }
}
