using AllianceKpi.Web.Features.Office.IssuedAccounts;
using AllianceKpi.Web.Infrastructure.Security;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace AllianceKpi.Web.Features.Account;

/// <summary>忘記密碼: a set-password link by e-mail. The answer is the same whether or not the e-mail has an account.</summary>
public sealed class ForgotPasswordController(ForgotPasswordHandler handler, IConfiguration configuration) : Controller
{
    /// <summary>Security:PublicBaseUrl, e.g. https://alliance.example.tw: the links in e-mails never take the request's Host header then.</summary>
    public const string PublicBaseUrlKey = "Security:PublicBaseUrl";

    [AllowAnonymous]
    [HttpGet("/account/forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [AllowAnonymous]
    [EnableRateLimiting(AccountRateLimits.AccountFormsPolicy)]
    [HttpPost("/account/forgot-password")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var baseUrl = configuration[PublicBaseUrlKey] is { Length: > 0 } configured ? configured : IssuedAccountEmail.BaseUrlOf(Request);
        await handler.SendLinkAsync(form, baseUrl, cancellationToken);
        this.Success(ForgotPasswordHandler.Sent);
        return Redirect("/account/forgot-password");
    }
}
