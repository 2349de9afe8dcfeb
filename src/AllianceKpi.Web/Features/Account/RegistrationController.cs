using AllianceKpi.Web.Infrastructure.Security;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AllianceKpi.Web.Features.Account;

/// <summary>註冊: assistants create their own account; a PI then adds it to a project in 設定助理.</summary>
public sealed class RegistrationController(RegistrationHandler handler) : Controller
{
    public const string Registered =
        "註冊完成，您已登入。請將您的電子信箱告知計畫主持人：主持人於「功能設定 > 設定助理」新增您之後，您才能填寫該計畫的資料。";

    [AllowAnonymous]
    [HttpGet("/account/register")]
    public IActionResult Register() => View(new RegisterForm());

    [AllowAnonymous]
    [EnableRateLimiting(AccountRateLimits.AccountFormsPolicy)]
    [HttpPost("/account/register")]
    public async Task<IActionResult> Register(RegisterForm form)
    {
        if (ModelState.IsValid)
        {
            ModelState.AddViolations(await handler.RegisterAsync(form));
        }
        if (!ModelState.IsValid)
        {
            form.Password = form.ConfirmPassword = null;
            return View(form);
        }
        this.Success(Registered);
        return Redirect("/settings/permissions");
    }
}
