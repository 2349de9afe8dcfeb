using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Account;

/// <summary>延長登入: the page's session warning asks for a fresh sign-in cookie before the old one runs out.</summary>
public sealed class SessionController(SignInManager<AppUser> signIn, SessionClock session) : Controller
{
    [Authorize]
    [HttpPost("/account/session/extend")]
    public async Task<IActionResult> Extend()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Unauthorized();
        }
        await signIn.RefreshSignInAsync(user);
        return Json(session.Fresh());
    }
}
