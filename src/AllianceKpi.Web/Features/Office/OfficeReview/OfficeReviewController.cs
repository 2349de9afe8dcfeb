using AllianceKpi.Domain.Workflow;
using AllianceKpi.Web.Features.Workflow;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office.OfficeReview;

/// <summary>審查送出資料: the office's list per period and its review of one project's form (確認, 退回修改, 重新開放, 展延).</summary>
[Authorize(Policy = Policies.Office)]
[Route("/office/review")]
public sealed class OfficeReviewController(ReviewListHandler list, ReviewFormHandler review) : Controller
{

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReviewQuery query, CancellationToken cancellationToken) =>
        View(await list.PageAsync(User, query, cancellationToken));

    [HttpGet("{kind}/{projectId:int}/{periodId:int}")]
    public async Task<IActionResult> Form(string kind, int projectId, int periodId, int? version, int? compare, CancellationToken cancellationToken)
    {
        var formRef = FormRefs.Parse(kind, projectId, periodId);
        var page = formRef is null ? null : await review.PageAsync(formRef, version, compare, null, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{kind}/{projectId:int}/{periodId:int}/{step}")]
    public async Task<IActionResult> Act(string kind, int projectId, int periodId, string step, ReviewActionForm form,
        CancellationToken cancellationToken)
    {
        var formRef = FormRefs.Parse(kind, projectId, periodId);
        FormAction? chosen = step switch
        {
            "accept" => FormAction.Accept,
            "return" => FormAction.Return,
            "reopen" => FormAction.Reopen,
            "extend" => FormAction.GrantExtension,
            _ => null,
        };
        if (formRef is null || chosen is not { } action)
        {
            return NotFound();
        }
        var (found, refusal) = await review.ApplyAsync(formRef, action, form, User.RequiredUserId(), $"{Request.Scheme}://{Request.Host}",
            cancellationToken);
        if (!found)
        {
            return NotFound();
        }
        if (refusal is not null)
        {
            ModelState.AddModelError(refusal.Field, refusal.Message);
            var page = await review.PageAsync(formRef, null, null, form, cancellationToken);
            return page is null ? NotFound() : View("Form", page);
        }
        this.Success($"已{action.Label()}。");
        return Redirect($"/office/review/{kind}/{projectId}/{periodId}");
    }
}
