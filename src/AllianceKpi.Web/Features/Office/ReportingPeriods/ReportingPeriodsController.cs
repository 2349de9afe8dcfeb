using AllianceKpi.Domain.Calendar;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.ReportingPeriods;

/// <summary>A programme year's reporting periods (綜整表類別): add, edit dates and state, open, close.</summary>
public sealed class ReportingPeriodsController(ReportingPeriodsHandler handler) : Controller
{
    private const string ListUrl = "/office/years";

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/years/{yearId:int}/periods/new")]
    public async Task<IActionResult> New(int yearId, CancellationToken cancellationToken)
    {
        var form = await handler.NewFormAsync(yearId, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/years/{yearId:int}/periods/new")]
    public async Task<IActionResult> New(int yearId, PeriodForm form, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await handler.CreateAsync(yearId, form, cancellationToken) : SaveResult.ShapeInvalid;
        if (result.NeedsRedisplay && !await handler.RefillAsync(null, yearId, form, cancellationToken))
        {
            return NotFound();
        }
        return this.Show(result, form, $"已新增「{PeriodLabels.Kind(form.Kind)}」綜整表。", ListUrl);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/periods/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await handler.EditFormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/periods/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, PeriodForm form, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await handler.UpdateAsync(id, form, cancellationToken) : SaveResult.ShapeInvalid;
        if (result.NeedsRedisplay && !await handler.RefillAsync(id, null, form, cancellationToken))
        {
            return NotFound();
        }
        return this.Show(result, form, $"已儲存「{form.Name?.Trim()}」。", ListUrl);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/periods/{id:int}/open")]
    public Task<IActionResult> Open(int id, CancellationToken cancellationToken) => SetState(id, ReportingPeriodState.Open, cancellationToken);

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/periods/{id:int}/close")]
    public Task<IActionResult> Close(int id, CancellationToken cancellationToken) => SetState(id, ReportingPeriodState.Closed, cancellationToken);

    private async Task<IActionResult> SetState(int id, ReportingPeriodState state, CancellationToken cancellationToken)
    {
        var message = await handler.SetStateAsync(id, state, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }
        this.Success(message);
        return Redirect(ListUrl);
    }
}
