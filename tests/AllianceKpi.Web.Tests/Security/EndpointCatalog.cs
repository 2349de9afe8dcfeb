using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>Who an endpoint's declared rule lets in.</summary>
public enum AccessRule
{
    Undecided,
    Public,
    SignedIn,
    ProjectMember,
    ProjectPi,
    ProjectPiOrOffice,
    Office,
    Admin,
}

public sealed record CatalogEndpoint(string Method, RoutePattern Pattern, AccessRule Rule, bool IgnoresAntiforgery)
{
    public override string ToString() => $"{Method} {Pattern.RawText} ({Rule})";

    /// <summary>A concrete URL: the project in the route is the given one, other ids point at nothing.</summary>
    public string Url(int projectId)
    {
        var segments = Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { Name: Policies.ProjectRouteKey } => projectId.ToString(),
            RoutePatternParameterPart { Name: "code" } => "404",
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "999999",
            RoutePatternParameterPart => "nothing-here",
            _ => "",
        })));
        return "/" + string.Join("/", segments);
    }
}

/// <summary>Every endpoint of the running portal with the access rule its metadata declares.</summary>
public static class EndpointCatalog
{
    public static IReadOnlyList<CatalogEndpoint> Read(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var result = new List<CatalogEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                var ignoresAntiforgery = endpoint.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is not null;
                result.Add(new CatalogEndpoint(method, endpoint.RoutePattern, RuleOf(endpoint), ignoresAntiforgery));
            }
        }
        return result;
    }

    public static AccessRule RuleOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return AccessRule.Public;
        }
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorize.Count == 0)
        {
            return AccessRule.Undecided;
        }
        var policies = authorize.Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
        if (authorize.Any(a => a.Roles is not null) || policies.Count > 1)
        {
            return AccessRule.Undecided;
        }
        return policies.SingleOrDefault() switch
        {
            null => AccessRule.SignedIn,
            Policies.ProjectMember => AccessRule.ProjectMember,
            Policies.ProjectPi => AccessRule.ProjectPi,
            Policies.ProjectPiOrOffice => AccessRule.ProjectPiOrOffice,
            Policies.Office => AccessRule.Office,
            Policies.Admin => AccessRule.Admin,
            _ => AccessRule.Undecided,
        };
    }
}
