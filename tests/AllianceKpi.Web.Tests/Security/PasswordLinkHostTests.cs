using System.Net;
using AllianceKpi.Web.Features.Account;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>The portal with its public address configured, as production should be.</summary>
public sealed class PublicBaseUrlFactory : PortalFactory
{
    public const string BaseUrl = "https://alliance.example.tw";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Security:PublicBaseUrl"] = BaseUrl };
}

/// <summary>A forged Host header cannot send someone a 忘記密碼 link to another site.</summary>
public sealed class PasswordLinkHostTests(PublicBaseUrlFactory factory) : IClassFixture<PublicBaseUrlFactory>
{
    [Fact]
    public async Task TheLinkTakesTheConfiguredAddressNotTheRequestsHost()
    {
        var email = NewEmail("host");
        await CreateAsync(factory, email);
        using var client = factory.NewClient();
        var token = await client.TokenAsync("/account/forgot-password");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent([new("Email", email), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Host = "evil.example";

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = await factory.WithDbAsync(db => db.Outbox.Where(m => m.To == email && m.Subject == ForgotPasswordHandler.Subject).Select(m => m.Link).SingleAsync());
        Assert.StartsWith(PublicBaseUrlFactory.BaseUrl + "/account/set-password?userId=", link);
        Assert.DoesNotContain("evil.example", link);
    }
}
