using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Infrastructure.Security;

/// <summary>
/// The flags of the portal's own cookies (decision 0020): all HttpOnly; the sign-in and TempData cookies SameSite=Lax (so a link
/// from an e-mail opens the portal signed in), the anti-forgery cookie SameSite=Strict; Secure always, except in Development.
/// Security:CookieSecurePolicy = SameAsRequest lets a plain-http set-up work (the test hosts, a trial on localhost).
/// </summary>
public static class CookieSecurity
{
    public const string SettingKey = "Security:CookieSecurePolicy";

    public static CookieSecurePolicy SecurePolicy(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration[SettingKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        }
        return text.Trim() switch
        {
            "Always" => CookieSecurePolicy.Always,
            "SameAsRequest" => CookieSecurePolicy.SameAsRequest,
            _ => throw new Startup.PortalConfigurationException($"{SettingKey} must be 'Always' or 'SameAsRequest' (was '{text}')."),
        };
    }

    public static void AddCookieSecurity(this IServiceCollection services, CookieSecurePolicy securePolicy)
    {
        services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = securePolicy;
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = securePolicy;
        });
    }
}
