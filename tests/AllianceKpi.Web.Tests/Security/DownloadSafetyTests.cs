using System.Net;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Files;
using AllianceKpi.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AllianceKpi.Web.Tests.Features.Progress.ProgressTestData;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>
/// Every file the portal hands out — attachments, Excel reports, summary PDFs, import templates, and whatever download is added
/// later (found by its route) — is behind a rule, refuses other projects' people with real ids, and comes as an attachment.
/// Uploads that a browser would run as HTML or SVG are refused.
/// </summary>
public sealed class DownloadSafetyTests(MatrixFixture fixture) : IClassFixture<MatrixFixture>
{
    private static readonly string[] FileEndings = [".xlsx", ".pdf", ".csv", ".zip", ".docx"];

    public static bool IsDownload(CatalogEndpoint endpoint) =>
        endpoint.Method == "GET"
        && (FileEndings.Any(e => endpoint.Pattern.RawText!.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || endpoint.Pattern.RawText!.Contains("attachments/{", StringComparison.Ordinal));

    private IReadOnlyList<CatalogEndpoint> Downloads => EndpointCatalog.Read(fixture.Services).Where(IsDownload).ToList();

    /// <summary>The endpoint's URL with real ids of the demo project: its first report and an attachment of its own.</summary>
    private async Task<string> RealUrlAsync(CatalogEndpoint endpoint, int attachmentId)
    {
        var periodId = await PeriodIdAsync(fixture);
        var url = endpoint.Url(fixture.People.DemoProjectId);
        foreach (var parameter in endpoint.Pattern.Parameters.Where(p => p.Name != "projectId"))
        {
            var value = parameter.Name switch
            {
                "periodId" => periodId,
                "attachmentId" => attachmentId,
                _ => throw new Xunit.Sdk.XunitException($"{endpoint}: the test does not know a real value for {{{parameter.Name}}}; add one."),
            };
            url = ReplaceFirst(url, parameter.ParameterPolicies.Any(p => p.Content == "int") ? "999999" : "nothing-here", value.ToString());
        }
        return url;
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + with + text[(at + what.Length)..];
    }

    [Fact]
    public void TheKnownDownloadsAreFoundAndNoneIsPublic()
    {
        var routes = Downloads.Select(d => d.Pattern.RawText).ToList();
        Assert.Contains("projects/{projectId:int}/attachments/{attachmentId:int}", routes);
        Assert.Contains("projects/{projectId:int}/progress/{periodId:int}/report.xlsx", routes);
        Assert.Contains("projects/{projectId:int}/summary/{periodId:int}.pdf", routes);
        Assert.Contains("office/projects/import/template.xlsx", routes);
        Assert.DoesNotContain(Downloads, d => d.Rule is AccessRule.Public or AccessRule.Undecided or AccessRule.SignedIn);
    }

    [Fact]
    public async Task EveryDownloadWithRealIdsRefusesOutsidersAndComesAsAnAttachmentToItsPeople()
    {
        var attachment = await StoreAsync(fixture, fixture.People.DemoProjectId, "會員合約.pdf", Pdf());
        var problems = new List<string>();
        foreach (var endpoint in Downloads)
        {
            var url = await RealUrlAsync(endpoint, attachment.Id);
            foreach (var persona in Enum.GetValues<Persona>())
            {
                var response = await fixture.Client(persona).GetAsync(url);
                var allowed = AuthorizationMatrixTests.Allows(endpoint.Rule, persona);
                var verdict = (allowed, persona) switch
                {
                    (true, _) when response.StatusCode != HttpStatusCode.OK => $"expected 200, got {(int)response.StatusCode}",
                    (true, _) when response.Content.Headers.ContentDisposition?.DispositionType != "attachment" => "not served as an attachment",
                    (true, _) when !response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || sniff.Single() != "nosniff" => "no nosniff",
                    (false, Persona.Anonymous) when response.StatusCode != HttpStatusCode.Redirect => $"expected a redirect to sign in, got {(int)response.StatusCode}",
                    (false, not Persona.Anonymous) when response.StatusCode != HttpStatusCode.Forbidden => $"expected 403, got {(int)response.StatusCode}",
                    _ => null,
                };
                if (verdict is not null)
                {
                    problems.Add($"{url} as {persona}: {verdict}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("page.html", "<!doctype html><script>alert(document.cookie)</script>")]
    [InlineData("page.htm", "<html><body onload=alert(1)></body></html>")]
    [InlineData("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")]
    [InlineData("page.xhtml", "<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>")]
    [InlineData("合約.pdf", "<html><script>alert(1)</script></html>")]
    [InlineData("照片.png", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")]
    public async Task AnUploadABrowserWouldRunIsRefused(string name, string content)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        await using var scope = fixture.Services.CreateAsyncScope();
        var upload = await scope.ServiceProvider.GetRequiredService<AttachmentService>()
            .StoreAsync(fixture.People.DemoProjectId, new MemoryStream(bytes), name, bytes.Length, UploaderId);

        Assert.False(upload.Succeeded);
        Assert.Contains(upload.Violations.Single().Message, new[] { UploadCheck.NotAllowedMessage, UploadCheck.MismatchMessage });
    }

    [Fact]
    public async Task APdfWithHtmlInsideIsServedAsAPdfAttachmentNeverAsHtml()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("%PDF-1.7\n<html><script>alert(document.cookie)</script></html>");
        var attachment = await StoreAsync(fixture, fixture.People.DemoProjectId, "偽裝.pdf", bytes);

        var response = await fixture.Client(Persona.Assistant).GetAsync($"/projects/{fixture.People.DemoProjectId}/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
