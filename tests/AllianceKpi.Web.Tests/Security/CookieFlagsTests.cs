using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using AllianceKpi.Web.Infrastructure.Security;
using AllianceKpi.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>The portal with the cookie policy of a real deployment (no Security:CookieSecurePolicy: Always outside Development).</summary>
public sealed class SecureCookieFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Security:CookieSecurePolicy"] = "" };

    /// <summary>A client over https, as behind the deployment's TLS: Secure cookies come back to it.</summary>
    public PortalClient NewHttpsClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    }));
}

/// <summary>Set-Cookie flags of the sign-in, anti-forgery and TempData cookies.</summary>
public sealed class CookieFlagsTests(SecureCookieFactory secure) : IClassFixture<SecureCookieFactory>
{
    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    private static string CookieNamed(IEnumerable<string> cookies, string prefix) =>
        cookies.SingleOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No Set-Cookie starting with {prefix}: {string.Join(" | ", cookies)}");

    private static HashSet<string> Flags(string cookie) =>
        cookie.Split(';').Skip(1).Select(p => p.Trim().ToLowerInvariant()).ToHashSet();

    private static async Task<(string Antiforgery, string Auth, string TempData)> CookiesOfASignInAsync(PortalClient client)
    {
        var login = await client.GetAsync("/account/login");
        var antiforgery = CookieNamed(SetCookies(login), ".AspNetCore.Antiforgery.");
        var signIn = await client.PostFormAsync("/account/login", new { Email = DemoSeeder.PiEmail, Password = DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var auth = CookieNamed(SetCookies(signIn), "AllianceKpi.Auth=");
        var logout = await client.PostFormAsync("/account/logout", Array.Empty<KeyValuePair<string, string>>(), tokenPage: "/");
        var tempData = CookieNamed(SetCookies(logout), ".AspNetCore.Mvc.CookieTempDataProvider=");
        return (antiforgery, auth, tempData);
    }

    [Fact]
    public async Task OutsideDevelopmentEveryCookieIsSecureHttpOnlyAndSameSite()
    {
        using var client = secure.NewHttpsClient();
        var (antiforgery, auth, tempData) = await CookiesOfASignInAsync(client);

        Assert.Superset(new HashSet<string> { "secure", "httponly", "samesite=strict" }, Flags(antiforgery));
        Assert.Superset(new HashSet<string> { "secure", "httponly", "samesite=lax" }, Flags(auth));
        Assert.Superset(new HashSet<string> { "secure", "httponly", "samesite=lax" }, Flags(tempData));
    }

    [Fact]
    public async Task OverPlainHttpTheTestHostsCookiesKeepHttpOnlyAndSameSiteButNotSecure()
    {
        using var plain = new PortalFactory();
        using var client = plain.NewClient();
        var (antiforgery, auth, _) = await CookiesOfASignInAsync(client);

        Assert.Contains("httponly", Flags(antiforgery));
        Assert.Contains("samesite=strict", Flags(antiforgery));
        Assert.Contains("httponly", Flags(auth));
        Assert.Contains("samesite=lax", Flags(auth));
        Assert.DoesNotContain("secure", Flags(auth));
    }

    [Fact]
    public void WithoutTheSettingEveryCookieOfTheAppIsSecureAlwaysSoPlainHttpGetsNone()
    {
        var auth = secure.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var antiforgery = secure.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value;
        var tempData = secure.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value;

        Assert.Equal(CookieSecurePolicy.Always, auth.Cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, antiforgery.Cookie.SecurePolicy);
        Assert.Equal(CookieSecurePolicy.Always, tempData.Cookie.SecurePolicy);
    }

    [Theory]
    [InlineData("Production", null, CookieSecurePolicy.Always)]
    [InlineData("Testing", "", CookieSecurePolicy.Always)]
    [InlineData("Development", null, CookieSecurePolicy.SameAsRequest)]
    [InlineData("Production", "SameAsRequest", CookieSecurePolicy.SameAsRequest)]
    [InlineData("Development", "Always", CookieSecurePolicy.Always)]
    public void SecureIsTheDefaultOutsideDevelopment(string environment, string? setting, CookieSecurePolicy expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(CookieSecurity.SettingKey, setting)]).Build();
        Assert.Equal(expected, CookieSecurity.SecurePolicy(configuration, new HostingEnvironment { EnvironmentName = environment }));
    }

    [Fact]
    public void NoneIsNotAnAcceptedPolicy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(CookieSecurity.SettingKey, "None")]).Build();
        var refused = Assert.Throws<PortalConfigurationException>(() => CookieSecurity.SecurePolicy(configuration, new HostingEnvironment { EnvironmentName = "Production" }));
        Assert.Contains(CookieSecurity.SettingKey, refused.Message);
    }

    [Fact]
    public async Task TheSignInCookieLastsTheSessionOnlyNotAcrossBrowserRestarts()
    {
        using var client = secure.NewHttpsClient();
        var (_, auth, _) = await CookiesOfASignInAsync(client);

        Assert.DoesNotContain(Flags(auth), f => f.StartsWith("expires=", StringComparison.Ordinal) || f.StartsWith("max-age=", StringComparison.Ordinal));
    }
}
