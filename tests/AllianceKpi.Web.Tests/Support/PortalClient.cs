using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>An HTTP client that reads pages as HTML and posts forms with their anti-forgery token, as a browser would.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> GetAsync(string url) => await http.GetAsync(url);

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new Xunit.Sdk.XunitException($"GET {url}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}\n{Shorten(body)}");
        }
        return Parser.ParseDocument(body);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The anti-forgery token of any form on a page that the current user may see.</summary>
    public async Task<string> TokenAsync(string pageUrl = "/account/login")
    {
        var page = await GetPageAsync(pageUrl);
        return TokenOf(page) ?? throw new Xunit.Sdk.XunitException($"No anti-forgery token on {pageUrl}");
    }

    public static string? TokenOf(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");

    /// <summary>POSTs fields to a URL with the token read from <paramref name="tokenPage"/> (the page a user would post from).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null)
    {
        var token = await TokenAsync(tokenPage ?? url);
        var all = fields.Append(new("__RequestVerificationToken", token));
        return await http.PostAsync(url, new FormUrlEncodedContent(all));
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, object fields, string? tokenPage = null) =>
        PostFormAsync(url, ToPairs(fields), tokenPage);

    /// <summary>POSTs multipart content (files) with the token from <paramref name="tokenPage"/>.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string url, MultipartFormDataContent content, string tokenPage)
    {
        content.Add(new StringContent(await TokenAsync(tokenPage)), "__RequestVerificationToken");
        return await http.PostAsync(url, content);
    }

    public async Task SignInAsync(string email, string password)
    {
        var response = await PostFormAsync("/account/login", new { Email = email, Password = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new Xunit.Sdk.XunitException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{Shorten(await response.Content.ReadAsStringAsync())}");
        }
    }

    public static IEnumerable<KeyValuePair<string, string>> ToPairs(object fields) =>
        fields is IEnumerable<KeyValuePair<string, string>> pairs
            ? pairs
            : fields.GetType().GetProperties().Select(p => new KeyValuePair<string, string>(p.Name.Replace("__", "."), p.GetValue(fields)?.ToString() ?? ""));

    private static string Shorten(string body) => body.Length > 3000 ? body[..3000] : body;

    public void Dispose() => http.Dispose();
}
