using AllianceKpi.Web.Infrastructure.Security;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AllianceKpi.Web.Features.Account;

/// <summary>Sign-in and sign-out.</summary>
public sealed class AccountController(SignInHandler signIn) : Controller
{
    [AllowAnonymous]
    [HttpGet("/account/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [EnableRateLimiting(AccountRateLimits.SignInPolicy)]
    [HttpPost("/account/login")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var outcome = await signIn.SignInAsync(form);
        if (outcome is not null)
        {
            ModelState.AddModelError("", outcome);
            form.Password = "";
            return View(form);
        }
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
    }

    [Authorize]
    [HttpPost("/account/logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        this.Success("您已登出。");
        return Redirect("/");
    }
}
