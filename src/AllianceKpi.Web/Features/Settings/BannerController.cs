using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>The banner image for the public pages.</summary>
public sealed class BannerController(BannerHandler banners) : Controller
{
    [AllowAnonymous]
    [HttpGet("/banners/{projectId:int}")]
    public async Task<IActionResult> Show(int projectId, CancellationToken cancellationToken)
    {
        var banner = await banners.FindAsync(projectId, cancellationToken);
        if (banner is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "public, max-age=3600";
        return File(banner.Content, "image/png", lastModified: null, entityTag: new EntityTagHeaderValue($"\"{banner.Sha256}\""));
    }
}
