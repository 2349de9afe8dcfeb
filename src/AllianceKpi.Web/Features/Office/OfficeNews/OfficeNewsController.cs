using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.OfficeNews;

/// <summary>消息管理: the news shown on the public home page.</summary>
public sealed class OfficeNewsController(OfficeNewsHandler handler) : Controller
{
    private const string ListUrl = "/office/news";

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/news")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await handler.ListAsync(cancellationToken));

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/news/new")]
    public IActionResult New() => View(handler.NewForm());

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/news/new")]
    public async Task<IActionResult> New(NewsForm form, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await handler.CreateAsync(form, cancellationToken) : SaveResult.ShapeInvalid;
        return this.Show(result, form, "已新增消息。", ListUrl);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpGet("/office/news/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await handler.EditFormAsync(id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/news/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, NewsForm form, CancellationToken cancellationToken)
    {
        if (!await handler.ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var result = ModelState.IsValid ? await handler.UpdateAsync(id, form, cancellationToken) : SaveResult.ShapeInvalid;
        return this.Show(result, form, "已儲存消息。", ListUrl);
    }

    [Authorize(Policy = Policies.Office)]
    [HttpPost("/office/news/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var title = await handler.DeleteAsync(id, cancellationToken);
        if (title is null)
        {
            return NotFound();
        }
        this.Success($"已刪除消息「{title}」。");
        return Redirect(ListUrl);
    }
}
