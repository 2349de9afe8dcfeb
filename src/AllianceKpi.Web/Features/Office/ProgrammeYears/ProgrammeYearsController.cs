using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.ProgrammeYears;

/// <summary>Programme years: list with their periods, add a year, edit its windows.</summary>
public sealed class ProgrammeYearsController(YearListHandler list, YearFormHandler forms) : Controller
{
    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/years")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await list.ListAsync(cancellationToken));

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/years/new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View(await forms.NewFormAsync(cancellationToken));

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/years/new")]
    public async Task<IActionResult> New(YearForm form, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await forms.CreateAsync(form, cancellationToken) : SaveResult.ShapeInvalid;
        return this.Show(result, form, $"已新增 {form.Year?.Trim()} 年度，並建立預期成果、第一次、第二次成果綜整表（未開放）。", "/office/years");
    }

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/years/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await forms.EditFormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/years/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, YearForm form, CancellationToken cancellationToken)
    {
        if (!await forms.ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var result = ModelState.IsValid ? await forms.UpdateAsync(id, form, cancellationToken) : SaveResult.ShapeInvalid;
        return this.Show(result, form, $"已儲存 {form.Year?.Trim()} 年度設定。", "/office/years");
    }
}
