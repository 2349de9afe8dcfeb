using AllianceKpi.Web.Infrastructure.Security;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AllianceKpi.Web.Features.Account;

/// <summary>設定密碼 through the office's link, and 設定新密碼 for a signed-in user.</summary>
public sealed class PasswordController(PasswordHandler handler) : Controller
{
    [AllowAnonymous]
    [HttpGet("/account/set-password")]
    public async Task<IActionResult> SetPassword(string? userId, string? token)
    {
        var form = new SetPasswordForm { UserId = userId, Token = token, LinkIsValid = await handler.IsLinkValidAsync(userId, token) };
        return View(form);
    }

    [AllowAnonymous]
    [EnableRateLimiting(AccountRateLimits.AccountFormsPolicy)]
    [HttpPost("/account/set-password")]
    public async Task<IActionResult> SetPassword(SetPasswordForm form)
    {
        if (ModelState.IsValid)
        {
            var violations = await handler.SetPasswordAsync(form);
            form.LinkIsValid = !violations.Any(v => v.Message == PasswordHandler.InvalidLink);
            ModelState.AddViolations(violations);
        }
        if (!ModelState.IsValid)
        {
            form.NewPassword = form.ConfirmPassword = null;
            return View(form);
        }
        this.Success("密碼設定完成，歡迎使用產學小聯盟管考平台。");
        return Redirect("/settings");
    }

    [Authorize]
    [HttpGet("/account/change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [Authorize]
    [EnableRateLimiting(AccountRateLimits.AccountFormsPolicy)]
    [HttpPost("/account/change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (ModelState.IsValid)
        {
            ModelState.AddViolations(await handler.ChangePasswordAsync(User, form));
        }
        if (!ModelState.IsValid)
        {
            form.CurrentPassword = form.NewPassword = form.ConfirmPassword = null;
            return View(form);
        }
        this.Success("密碼已變更。");
        return Redirect("/settings/profile");
    }
}
