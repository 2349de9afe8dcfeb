using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Security;

public enum Persona
{
    Anonymous,
    AssistantOfAnotherProject,
    Assistant,
    PrincipalInvestigator,
    Office,
    Admin,
}

/// <summary>One signed-in client per persona, shared by the matrix tests.</summary>
public sealed class MatrixFixture : PortalFactory, IAsyncLifetime
{
    private readonly Dictionary<Persona, PortalClient> _clients = [];

    public Personas People { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        People = await Personas.EnsureAsync(this);
        foreach (var persona in Enum.GetValues<Persona>())
        {
            _clients[persona] = await NewClientAsync(persona);
        }
    }

    public PortalClient Client(Persona persona) => _clients[persona];

    public async Task<PortalClient> NewClientAsync(Persona persona)
    {
        if (persona == Persona.Anonymous)
        {
            return NewClient();
        }
        return await SignedInAsync(EmailOf(persona));
    }

    public static string EmailOf(Persona persona) => persona switch
    {
        Persona.AssistantOfAnotherProject => Personas.OtherAssistantEmail,
        Persona.Assistant => DemoSeeder.AssistantEmail,
        Persona.PrincipalInvestigator => DemoSeeder.PiEmail,
        Persona.Office => DemoSeeder.OfficeEmail,
        Persona.Admin => DemoSeeder.AdminEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };

    public async Task ReplaceClientAsync(Persona persona)
    {
        _clients[persona].Dispose();
        _clients[persona] = await NewClientAsync(persona);
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every endpoint of the portal, found in the app's endpoint data source, is checked for every persona against the rule it declares.
/// A new endpoint without a decided rule fails here.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private IReadOnlyList<CatalogEndpoint> Endpoints => EndpointCatalog.Read(fixture.Services);

    [Fact]
    public void EveryEndpointDeclaresItsAccessRule()
    {
        var undecided = Endpoints.Where(e => e.Rule == AccessRule.Undecided).Select(e => e.ToString()).ToList();
        Assert.True(undecided.Count == 0, "Endpoints without [AllowAnonymous], [Authorize] or a known policy:\n" + string.Join("\n", undecided));
        Assert.True(Endpoints.Count >= 5, $"Only {Endpoints.Count} endpoints were found: the catalogue is not reading the app.");
    }

    [Fact]
    public void EveryProjectScopedEndpointNamesTheProjectInItsRoute()
    {
        var missing = Endpoints
            .Where(e => e.Rule is AccessRule.ProjectMember or AccessRule.ProjectPi or AccessRule.ProjectPiOrOffice)
            .Where(e => e.Pattern.GetParameter(Policies.ProjectRouteKey) is null)
            .Select(e => e.ToString())
            .ToList();
        Assert.True(missing.Count == 0, "Project-scoped endpoints without {projectId}:\n" + string.Join("\n", missing));
    }

    public static TheoryData<Persona> AllPersonas() => new(Enum.GetValues<Persona>());

    [Theory]
    [MemberData(nameof(AllPersonas))]
    public async Task EachPersonaGetsExactlyWhatTheRulesAllow(Persona persona)
    {
        var failures = new List<string>();
        foreach (var endpoint in Endpoints.Where(e => e.Rule != AccessRule.Undecided).OrderBy(e => e.Method == "POST"))
        {
            var response = await SendAsync(persona, endpoint);
            var allowed = Allows(endpoint.Rule, persona);
            var verdict = Judge(response, allowed, persona);
            if (verdict is not null)
            {
                failures.Add($"{endpoint.Method} {endpoint.Url(fixture.People.DemoProjectId)} ({endpoint.Rule}) as {persona}: {verdict}");
            }
            if (persona != Persona.Anonymous && SignedOut(response))
            {
                await fixture.ReplaceClientAsync(persona);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AnAssistantCannotReachAnotherProjectsPagesByUrl()
    {
        var client = fixture.Client(Persona.Assistant);
        var projectEndpoints = Endpoints.Where(e => e.Rule is AccessRule.ProjectMember or AccessRule.ProjectPi or AccessRule.ProjectPiOrOffice && e.Method == "GET").ToList();
        foreach (var endpoint in projectEndpoints)
        {
            var response = await client.GetAsync(endpoint.Url(fixture.People.OtherProjectId));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{endpoint} of another project answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void OnlyTheErrorPagesIgnoreTheAntiforgeryToken()
    {
        var exempt = Endpoints.Where(e => e.IgnoresAntiforgery).Select(e => e.Pattern.RawText).Distinct().ToList();
        Assert.Equal(["error/{code:int}"], exempt);
    }

    [Fact]
    public async Task EveryPostWithoutAnAntiforgeryTokenIsRefused()
    {
        foreach (var endpoint in Endpoints.Where(e => e.Method == "POST" && e.Rule != AccessRule.Undecided && !e.IgnoresAntiforgery))
        {
            var persona = Enum.GetValues<Persona>().First(p => Allows(endpoint.Rule, p));
            var client = await fixture.NewClientAsync(persona);
            var response = await client.Http.PostAsync(endpoint.Url(fixture.People.DemoProjectId), new FormUrlEncodedContent([]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                $"{endpoint} as {persona} without a token answered {(int)response.StatusCode}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Persona persona, CatalogEndpoint endpoint)
    {
        var client = fixture.Client(persona);
        var url = endpoint.Url(fixture.People.DemoProjectId);
        if (endpoint.Method != "POST")
        {
            return await client.Http.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), url));
        }
        var token = await client.TokenAsync(persona == Persona.Anonymous ? "/account/login" : "/");
        return await client.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }

    public static bool Allows(AccessRule rule, Persona persona) => rule switch
    {
        AccessRule.Public => true,
        AccessRule.SignedIn => persona != Persona.Anonymous,
        AccessRule.ProjectMember => persona is Persona.Assistant or Persona.PrincipalInvestigator or Persona.Office or Persona.Admin,
        AccessRule.ProjectPi => persona == Persona.PrincipalInvestigator,
        AccessRule.ProjectPiOrOffice => persona is Persona.PrincipalInvestigator or Persona.Office or Persona.Admin,
        AccessRule.Office => persona is Persona.Office or Persona.Admin,
        AccessRule.Admin => persona == Persona.Admin,
        _ => false,
    };

    private static string? Judge(HttpResponseMessage response, bool allowed, Persona persona)
    {
        var status = (int)response.StatusCode;
        var toLogin = response.StatusCode == HttpStatusCode.Redirect
                      && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true;
        if (status >= 500)
        {
            return $"server error {status}";
        }
        if (allowed)
        {
            return status == 403 || toLogin ? $"refused ({status}) though the rule allows it" : null;
        }
        if (persona == Persona.Anonymous)
        {
            return toLogin ? null : $"expected a redirect to sign in, got {status}";
        }
        return status == 403 ? null : $"expected 403, got {status}";
    }

    private static bool SignedOut(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("AllianceKpi.Auth=;", StringComparison.Ordinal));
}
