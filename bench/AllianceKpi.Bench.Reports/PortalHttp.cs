using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AllianceKpi.Bench.Reports;

/// <summary>An HTTP client signed in to the portal, timing downloads as a browser would make them.</summary>
public sealed partial class PortalHttp(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5),
    };

    public async Task SignInAsync(string email, string password)
    {
        var page = await _http.GetStringAsync("/account/login");
        var response = await _http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = TokenOf(page),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed ({(int)response.StatusCode}).");
        }
    }

    /// <summary>One GET read to the end: milliseconds and bytes.</summary>
    public async Task<(double Ms, byte[] Body)> TimeAsync(string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
        }
        return (watch.Elapsed.TotalMilliseconds, body);
    }

    /// <summary>Median of <paramref name="runs"/> timed GETs after <paramref name="warmUps"/> untimed ones.</summary>
    public async Task<(double Median, List<double> All, byte[] Last)> MedianAsync(string url, int runs = 10, int warmUps = 1)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await TimeAsync(url);
        }
        var times = new List<double>();
        byte[] last = [];
        for (var i = 0; i < runs; i++)
        {
            (var ms, last) = await TimeAsync(url);
            times.Add(ms);
        }
        var sorted = times.Order().ToList();
        var median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        return (median, times, last);
    }

    /// <summary>Posts a form of an office page with the page's anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var page = await _http.GetStringAsync(url);
        fields["__RequestVerificationToken"] = TokenOf(page);
        return await _http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public async Task<string> GetStringAsync(string url) => await _http.GetStringAsync(url);

    public async Task<JsonElement> GetJsonAsync(string url) => JsonDocument.Parse(await _http.GetStringAsync(url)).RootElement;

    private static string TokenOf(string page) =>
        TokenPattern().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
