using System.Net;
using System.Text.Json;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Features.Account;

/// <summary>The page tells its script when the sign-in ends (by the server's clock); 延長登入 gives a fresh two hours.</summary>
public sealed class SessionTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private static readonly DateTimeOffset Now = new(2021, 6, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ASignedInPageCarriesTheServersNowAndTheSignInsEnd()
    {
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var page = await client.GetPageAsync("/progress");

        Assert.Equal(Now, DateTimeOffset.Parse(page.QuerySelector("meta[name=session-now]")!.GetAttribute("content")!));
        Assert.Equal(Now.AddHours(2), DateTimeOffset.Parse(page.QuerySelector("meta[name=session-expires]")!.GetAttribute("content")!));
        Assert.Equal(DemoSeeder.AssistantEmail, page.QuerySelector("meta[name=session-user]")!.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("[data-testid=session-warning][hidden]"));
        Assert.Contains("{0}", page.QuerySelector("[data-testid=session-warning]")!.GetAttribute("data-text-expiring"));
    }

    [Fact]
    public async Task AVisitorsPageHasNoSessionWarning()
    {
        using var client = factory.NewClient();

        var page = await client.GetPageAsync("/");

        Assert.Null(page.QuerySelector("meta[name=session-expires]"));
        Assert.Null(page.QuerySelector("[data-testid=session-warning]"));
        Assert.Null(page.QuerySelector("script[src*='drafts.js']"));
    }

    [Fact]
    public async Task ExtendingTheSessionAnswersTheNewEndAndANewCookie()
    {
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var token = await client.TokenAsync("/progress");
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/session/extend");
        request.Headers.Add("RequestVerificationToken", token);

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("AllianceKpi.Auth=", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Now, json.RootElement.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(Now.AddHours(2), json.RootElement.GetProperty("expires").GetDateTimeOffset());
    }

    [Fact]
    public async Task ExtendingWithoutTheAntiforgeryTokenIsRefused()
    {
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var response = await client.Http.PostAsync("/account/session/extend", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
