using System.Net;
using AllianceKpi.Web.Infrastructure.Startup;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Dom;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>
/// The Content-Security-Policy allows no inline script, so no page may need one: every GET page of the portal, as a visitor, a PI
/// and the office, is read for inline &lt;script&gt;, on*= handlers and javascript: links. Non-HTML answers (downloads) must be
/// attachments or images, with nosniff.
/// </summary>
public sealed class PageScriptTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private static readonly Persona[] Walkers = [Persona.Anonymous, Persona.PrincipalInvestigator, Persona.Office, Persona.Admin];

    [Fact]
    public void TheScriptPolicyAllowsNeitherInlineScriptNorEval()
    {
        var scriptSrc = ScriptSource(SecurityHeadersMiddleware.ContentSecurityPolicy);
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
        Assert.Contains("object-src 'none'", SecurityHeadersMiddleware.ContentSecurityPolicy);
        Assert.Contains("frame-ancestors 'none'", SecurityHeadersMiddleware.ContentSecurityPolicy);
    }

    private static string ScriptSource(string policy) =>
        policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    [Fact]
    public async Task NoPageCarriesInlineScriptOrEventHandlersAndEveryAnswerHasTheHeaders()
    {
        var problems = new List<string>();
        var pagesRead = 0;
        foreach (var persona in Walkers)
        {
            var client = fixture.Client(persona);
            var endpoints = EndpointCatalog.Read(fixture.Services)
                .Where(e => e.Method == "GET" && AuthorizationMatrixTests.Allows(e.Rule, persona) && e.Pattern.RawText != "/health");
            foreach (var endpoint in endpoints)
            {
                var url = endpoint.Url(fixture.People.DemoProjectId);
                var response = await client.GetAsync(url);
                if (response.StatusCode is HttpStatusCode.Redirect)
                {
                    continue;
                }
                var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
                if (mediaType == "text/html")
                {
                    pagesRead++;
                    problems.AddRange(InlineScriptsOf(PortalClient.Parse(await response.Content.ReadAsStringAsync())).Select(p => $"{url} as {persona}: {p}"));
                    if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || csp.Single() != SecurityHeadersMiddleware.ContentSecurityPolicy)
                    {
                        problems.Add($"{url} as {persona}: no or another Content-Security-Policy");
                    }
                }
                else if (response.IsSuccessStatusCode)
                {
                    problems.AddRange(DownloadProblems(response, mediaType).Select(p => $"{url} as {persona}: {p}"));
                }
                if (!response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) || nosniff.Single() != "nosniff")
                {
                    problems.Add($"{url} as {persona}: no X-Content-Type-Options: nosniff");
                }
            }
        }
        Assert.True(pagesRead > 40, $"Only {pagesRead} pages were read: is the walk still reaching the portal?");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Inline script (a data block of type application/json is inert and allowed), on* attributes, javascript: URLs.</summary>
    public static IEnumerable<string> InlineScriptsOf(IDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script:not([src])"))
        {
            if (script.GetAttribute("type") != "application/json")
            {
                yield return "inline <script>: " + Shorten(script.TextContent);
            }
        }
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{element.LocalName} {attribute.Name}=\"{Shorten(attribute.Value)}\">";
                }
                if (attribute.Name is "href" or "src" or "action" or "formaction"
                    && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"<{element.LocalName} {attribute.Name}=\"{Shorten(attribute.Value)}\">";
                }
            }
        }
    }

    private static IEnumerable<string> DownloadProblems(HttpResponseMessage response, string mediaType)
    {
        var disposition = response.Content.Headers.ContentDisposition?.DispositionType;
        if (mediaType.StartsWith("image/", StringComparison.Ordinal) && mediaType != "image/svg+xml" || mediaType == "application/json")
        {
            yield break;
        }
        if (disposition != "attachment")
        {
            yield return $"{mediaType} served without Content-Disposition: attachment";
        }
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [Fact]
    public void TheCheckFindsAnInlineScriptAHandlerAndAJavascriptLink()
    {
        var page = PortalClient.Parse(
            "<html><body><script>alert(1)</script><script src='/js/site.js'></script><script type='application/json'>{}</script>" +
            "<button onclick='x()'>b</button><a href='javascript:void(0)'>a</a></body></html>");
        Assert.Equal(3, InlineScriptsOf(page).Count());
    }
}
