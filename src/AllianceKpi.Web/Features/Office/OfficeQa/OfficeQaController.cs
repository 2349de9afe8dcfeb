using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.OfficeQa;

/// <summary>Q&amp;A 管理: the public Q&amp;A page's entries.</summary>
public sealed class OfficeQaController(OfficeQaHandler handler) : Controller
{
    private const string ListUrl = "/office/qa";

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/qa")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await handler.ListAsync(cancellationToken));

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/qa/new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => View(await handler.NewFormAsync(cancellationToken));

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/qa/new")]
    public async Task<IActionResult> New(QaForm form, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await handler.CreateAsync(form, cancellationToken) : SaveResult.ShapeInvalid;
        return this.Show(result, form, "已新增問答。", ListUrl);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/qa/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await handler.EditFormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/qa/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, QaForm form, CancellationToken cancellationToken)
    {
        if (!await handler.ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var result = ModelState.IsValid ? await handler.UpdateAsync(id, form, cancellationToken) : SaveResult.ShapeInvalid;
        return this.Show(result, form, "已儲存問答。", ListUrl);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/qa/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (!await handler.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }
        this.Success("已刪除問答。");
        return Redirect(ListUrl);
    }
}
