using AllianceKpi.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Home;

/// <summary>The language switch in the header: keeps the choice in a cookie for a year.</summary>
[AllowAnonymous]
public sealed class CultureController : Controller
{
    [HttpPost("/culture")]
    public IActionResult Switch(string culture, string? returnUrl)
    {
        if (PortalLocalization.IsSupported(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
