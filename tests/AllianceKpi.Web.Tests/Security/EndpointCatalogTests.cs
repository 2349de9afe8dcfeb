using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>The catalogue's reading of metadata, so that the matrix cannot pass by misreading an endpoint.</summary>
public sealed class EndpointCatalogTests
{
    private static RouteEndpoint Endpoint(params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse("/projects/{projectId:int}/x"), 0, new EndpointMetadataCollection(metadata), "test");

    [Fact]
    public void AnEndpointWithoutMetadataIsUndecided() =>
        Assert.Equal(AccessRule.Undecided, EndpointCatalog.RuleOf(Endpoint()));

    [Fact]
    public void AnUnknownPolicyIsUndecided() =>
        Assert.Equal(AccessRule.Undecided, EndpointCatalog.RuleOf(Endpoint(new AuthorizeAttribute("Whatever"))));

    [Fact]
    public void RolesInsteadOfAPolicyAreUndecided() =>
        Assert.Equal(AccessRule.Undecided, EndpointCatalog.RuleOf(Endpoint(new AuthorizeAttribute { Roles = "Office" })));

    [Fact]
    public void AllowAnonymousWinsOverAuthorize() =>
        Assert.Equal(AccessRule.Public, EndpointCatalog.RuleOf(Endpoint(new AuthorizeAttribute(), new AllowAnonymousAttribute())));

    [Fact]
    public void KnownPoliciesAreRead()
    {
        Assert.Equal(AccessRule.ProjectPi, EndpointCatalog.RuleOf(Endpoint(new AuthorizeAttribute(Policies.ProjectPi))));
        Assert.Equal(AccessRule.ProjectMember, EndpointCatalog.RuleOf(Endpoint(new AuthorizeAttribute(Policies.ProjectMember))));
        Assert.Equal(AccessRule.SignedIn, EndpointCatalog.RuleOf(Endpoint(new AuthorizeAttribute())));
    }

    [Fact]
    public void UrlsPutTheProjectIntoTheRoute()
    {
        var endpoint = new CatalogEndpoint("GET", RoutePatternFactory.Parse("/projects/{projectId:int}/items/{id:int}/{userId}"), AccessRule.ProjectPi, false);
        Assert.Equal("/projects/7/items/999999/nothing-here", endpoint.Url(7));
    }

    [Fact]
    public void TheMatrixRefusesAssistantsOnPiOnlyEndpoints()
    {
        Assert.False(AuthorizationMatrixTests.Allows(AccessRule.ProjectPi, Persona.Assistant));
        Assert.False(AuthorizationMatrixTests.Allows(AccessRule.ProjectMember, Persona.AssistantOfAnotherProject));
        Assert.True(AuthorizationMatrixTests.Allows(AccessRule.ProjectMember, Persona.Office));
        Assert.False(AuthorizationMatrixTests.Allows(AccessRule.Admin, Persona.Office));
    }
}
