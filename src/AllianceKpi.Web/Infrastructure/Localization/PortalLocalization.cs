using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace AllianceKpi.Web.Infrastructure.Localization;

/// <summary>zh-TW first, English second; the choice is kept in a cookie set by the culture switch.</summary>
public static class PortalLocalization
{
    public const string Chinese = "zh-TW";
    public const string English = "en";
    public static readonly string[] Supported = [Chinese, English];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<PortalText>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);
}
