using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Features.Account;

/// <summary>When the sign-in ends, as the server's clock reads it (the page compares the two, so a wrong clock in the browser does not matter).</summary>
public sealed record SessionTimes(DateTimeOffset Now, DateTimeOffset Expires);

/// <summary>Reads the sign-in cookie's end for the page's session warning, and the end a fresh cookie gets.</summary>
public sealed class SessionClock(IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider clock)
{
    private TimeSpan Lifetime => cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan;

    /// <summary>The signed-in user's session end, or null for a visitor.</summary>
    public async Task<SessionTimes?> CurrentAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var result = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return new SessionTimes(now, result.Properties?.ExpiresUtc ?? now + Lifetime);
    }

    public SessionTimes Fresh()
    {
        var now = clock.GetUtcNow();
        return new SessionTimes(now, now + Lifetime);
    }
}
