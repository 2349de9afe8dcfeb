using System.Net;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>Reads a redisplayed form: the message next to a field, the value a field kept, the form-level errors.</summary>
internal static class FormPage
{
    public static string ErrorFor(this IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    public static string ValueOf(this IHtmlDocument page, string field)
    {
        var element = page.QuerySelector($"[name='{field}']");
        return element switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlSelectElement select => select.Value ?? "",
            IHtmlInputElement input => input.Value,
            _ => throw new Xunit.Sdk.XunitException($"No field {field} on the page"),
        };
    }

    public static string FormErrors(this IHtmlDocument page) =>
        page.QuerySelector("[data-testid=form-errors]")?.TextContent.Trim() ?? "";

    /// <summary>Posts a form that the portal must refuse (200 with the form again) and returns the redisplayed page.</summary>
    public static async Task<IHtmlDocument> PostRefusedAsync(this PortalClient client, string url, object fields, string? tokenPage = null)
    {
        var response = await client.PostFormAsync(url, fields, tokenPage);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: expected the form again (200), got {(int)response.StatusCode} {response.Headers.Location}\n{(body.Length > 3000 ? body[..3000] : body)}");
        return PortalClient.Parse(body);
    }

    /// <summary>Posts a form that the portal must accept (302 to <paramref name="redirectTo"/>).</summary>
    public static async Task PostAcceptedAsync(this PortalClient client, string url, object fields, string redirectTo, string? tokenPage = null)
    {
        var response = await client.PostFormAsync(url, fields, tokenPage);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
            var errors = string.Join(" | ", page.QuerySelectorAll(".field-validation-error, [data-testid=form-errors]").Select(e => e.TextContent.Trim()));
            throw new Xunit.Sdk.XunitException($"POST {url}: expected 302, got {(int)response.StatusCode}: {errors}");
        }
        Assert.Equal(redirectTo, response.Headers.Location?.OriginalString);
    }
}
