using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>功能設定: 現有權限列表, 個人資料設定, and the way into 設定助理.</summary>
public sealed class SettingsController(PermissionsHandler permissions, ProfileHandler profile) : Controller
{
    [Authorize]
    [HttpGet("/settings")]
    public IActionResult Index() => Redirect("/settings/permissions");

    [Authorize]
    [HttpGet("/settings/permissions")]
    public async Task<IActionResult> Permissions(CancellationToken cancellationToken)
    {
        var rows = await permissions.RowsAsync(User.RequiredUserId(), cancellationToken);
        return View(new PermissionsPage(rows, ProjectAccess.IsOffice(User)));
    }

    [Authorize]
    [HttpGet("/settings/assistants")]
    public async Task<IActionResult> Assistants(CancellationToken cancellationToken)
    {
        var page = await permissions.ChooseProjectAsync(User.RequiredUserId(), cancellationToken);
        if (page.PiProjects.Count == 1)
        {
            return Redirect($"/projects/{page.PiProjects[0].ProjectId}/assistants");
        }
        return View("ChooseProject", page);
    }

    [Authorize]
    [HttpGet("/settings/profile")]
    public async Task<IActionResult> Profile() => View(await profile.FormAsync(User));

    [Authorize]
    [HttpPost("/settings/profile")]
    public async Task<IActionResult> Profile(ProfileForm form)
    {
        if (ModelState.IsValid)
        {
            ModelState.AddViolations(await profile.SaveAsync(User, form));
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        this.Success("個人資料已更新。");
        return Redirect("/settings/profile");
    }
}
