using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>The portal with low limits: 3 sign-in POSTs and 2 other account POSTs per address and window.</summary>
public sealed class LowRateLimitFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimits:SignIn:PermitLimit"] = "3",
        ["RateLimits:SignIn:Window"] = "00:10:00",
        ["RateLimits:AccountForms:PermitLimit"] = "2",
        ["RateLimits:AccountForms:Window"] = "00:10:00",
    };
}

/// <summary>
/// Sign-in, registration and password POSTs are limited per client address (the test server has one address for every client, so
/// every test class gets its own factory and each test its own policy). Uses a fresh factory per test: the windows do not reset.
/// </summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly LowRateLimitFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Task<HttpResponseMessage> SignInAttemptAsync(PortalClient client) =>
        client.PostFormAsync("/account/login", new { Email = "nobody@test.tw", Password = "Wrong2021pw" });

    [Fact]
    public async Task TheFourthSignInPostInTheWindowIsRefusedWithAFriendlyPageAndRetryAfter()
    {
        using var client = _factory.NewClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAttemptAsync(client)).StatusCode);
        }

        var refused = await SignInAttemptAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var page = await PageOf(refused);
        Assert.Equal("嘗試次數過多", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("10 分鐘後再試", page.QuerySelector("[data-testid=error-message]")?.TextContent);
        Assert.Equal("zh-Hant-TW", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task EvenTheRightPasswordIsRefusedOnceTheLimitIsReachedButPagesStillOpen()
    {
        using var client = _factory.NewClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await SignInAttemptAsync(client);
        }

        var refused = await client.PostFormAsync("/account/login", new { Email = DemoSeeder.PiEmail, Password = DemoSeeder.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.DoesNotContain(refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("AllianceKpi.Auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("/account/register")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/set-password")]
    public async Task RegistrationAndPasswordPostsShareTheLowerLimit(string url)
    {
        using var client = _factory.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var response = await client.PostFormAsync(url, new { Email = "x" }, tokenPage: "/account/login");
            statuses.Add(response.StatusCode);
        }

        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task TheSignInLimitIsSeparateFromTheOtherAccountForms()
    {
        using var client = _factory.NewClient();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await client.PostFormAsync("/account/forgot-password", new { Email = NewEmail("limit") }, tokenPage: "/account/login");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await client.PostFormAsync("/account/forgot-password", new { Email = NewEmail("limit") }, tokenPage: "/account/login")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect,
            (await client.PostFormAsync("/account/login", new { Email = DemoSeeder.PiEmail, Password = DemoSeeder.Password })).StatusCode);
    }
}
