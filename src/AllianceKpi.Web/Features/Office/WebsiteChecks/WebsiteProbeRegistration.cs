using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Features.Office.WebsiteChecks;

public static class WebsiteProbeRegistration
{
    /// <summary>The named HTTP client of 自動檢查: no automatic redirects, no cookies, internal addresses checked on connect.</summary>
    public static IServiceCollection AddWebsiteProbe(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebsiteProbeOptions>()
            .Bind(configuration.GetSection(WebsiteProbeOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(1), "WebsiteChecks:Timeout must be between 00:00:00.1 and 00:01:00.")
            .Validate(o => o.MaxRedirects is >= 0 and <= 10, "WebsiteChecks:MaxRedirects must be between 0 and 10.")
            .Validate(o => o.MaxBodyBytes is >= 1024 and <= 10 * 1024 * 1024, "WebsiteChecks:MaxBodyBytes must be between 1024 and 10485760.")
            .Validate(o => o.RecentDays is >= 1 and <= 366, "WebsiteChecks:RecentDays must be between 1 and 366.")
            .Validate(o => o.AllowedNetworksAreValid(), "WebsiteChecks:AllowedPrivateNetworks holds an entry that is not an address or a network like 127.0.0.0/8.")
            .ValidateOnStart();
        services.AddHttpClient(WebsiteProbeOptions.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<WebsiteProbeOptions>>().Value;
                var policy = new ProbeAddressPolicy(options.AllowedNetworks());
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    AutomaticDecompression = System.Net.DecompressionMethods.All,
                    ConnectTimeout = options.Timeout,
                    ConnectCallback = (context, cancellationToken) => policy.ConnectAsync(context.DnsEndPoint, cancellationToken),
                };
            });
        services.AddScoped<WebsiteProbe>();
        return services;
    }
}
