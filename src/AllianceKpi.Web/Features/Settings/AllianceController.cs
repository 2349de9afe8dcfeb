using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>編輯聯盟基本資訊 and the alliance banner: the PI only.</summary>
public sealed class AllianceController(AllianceHandler handler, BannerHandler banners) : Controller
{
    /// <summary>A little above the banner limit, so an oversized banner still gets its message rather than a refused request.</summary>
    private const long UploadLimit = 4L * 1024 * 1024;

    [Authorize(Policy = Policies.ProjectPi)]
    [HttpGet("/projects/{projectId:int}/alliance")]
    public async Task<IActionResult> Edit(int projectId, CancellationToken cancellationToken)
    {
        var form = await handler.FormAsync(projectId, cancellationToken);
        return form is null ? NotFound() : View("Alliance", form);
    }

    [Authorize(Policy = Policies.ProjectPi)]
    [HttpPost("/projects/{projectId:int}/alliance")]
    public async Task<IActionResult> Edit(int projectId, AllianceForm form, CancellationToken cancellationToken)
    {
        ModelState.AddViolations(ModelState.IsValid ? await handler.SaveAsync(projectId, form, cancellationToken) : form.Check());
        if (ModelState.IsValid)
        {
            this.Success("聯盟基本資訊已更新。");
            return Redirect($"/projects/{projectId}/alliance");
        }
        ModelState.Remove(nameof(AllianceForm.Version));
        return await handler.FillAsync(projectId, form, cancellationToken) ? View("Alliance", form) : NotFound();
    }

    [Authorize(Policy = Policies.ProjectPi)]
    [HttpPost("/projects/{projectId:int}/alliance/banner")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> UploadBanner(int projectId, IFormFile? banner, CancellationToken cancellationToken)
    {
        var violations = await banners.UploadAsync(projectId, banner, cancellationToken);
        if (violations.Count == 0)
        {
            this.Success("Banner 已上傳，將顯示於產學小聯盟網站首頁。");
            return Redirect($"/projects/{projectId}/alliance");
        }
        var form = await handler.FormAsync(projectId, cancellationToken);
        ModelState.AddViolations(violations);
        return form is null ? NotFound() : View("Alliance", form);
    }
}
