using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AllianceKpi.Bench.Reports;

// Shared with tests/AllianceKpi.Web.Tests (linked there: ScaleOut/LoadSmokeTests, the short form of the load run).

/// <summary>One timed request: its kind (e.g. "member save"), how long it took, read to the end, and the body's size in bytes.</summary>
public readonly record struct Sample(string Kind, double Ms, long Bytes);

/// <summary>
/// One signed-in user with its own connection (at most one to the portal), cookies and anti-forgery token. Remembers the
/// saves the portal acknowledged, with the values sent, so that a test can look for them in the database afterwards.
/// </summary>
public sealed partial class LoadClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly LoadUser _user;
    private readonly int _period;
    private readonly Dictionary<string, int> _errors = [];

    // Bodies nobody reads (the list page, the PDF, /about) are read to the end into this buffer rather than decoded as text: the
    // generator shares the cores with the portal, and decoding a 493 kB PDF into a string per download was its own heaviest work.
    private readonly byte[] _discard = new byte[64 * 1024];
    private string _token = "";
    private string _evaluationVersion = Guid.Empty.ToString();
    private int _turn;

    private LoadClient(Uri baseAddress, LoadUser user, int period)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _user = user;
        _period = period;
    }

    public LoadUser User => _user;
    public List<Sample> Samples { get; } = [];
    public HashSet<string> Messages { get; } = [];
    public IReadOnlyDictionary<string, int> ErrorCounts => _errors;
    public int Errors => _errors.Values.Sum();
    public int ErrorsOf(string kind) => _errors.GetValueOrDefault(kind);

    /// <summary>Member id → the 負責人 (Representative) of the last save of that member the portal acknowledged (302).</summary>
    public Dictionary<int, string> SavedRepresentatives { get; } = [];

    /// <summary>The item-1 narrative and 碩士 count of the last autosave the portal acknowledged (200); null before the first.</summary>
    public (string Narrative, int Masters)? SavedDraft { get; private set; }

    public string MembersUrl => $"/projects/{_user.ProjectId}/progress/{_period}/members";
    /// <summary>The edit form of the user's first member.</summary>
    public string FirstEditUrl => $"{MembersUrl}/{_user.MemberIds[0]}/edit";
    private string EvaluationUrl => $"/projects/{_user.ProjectId}/evaluation/{_period}";

    public static async Task<LoadClient> SignInAsync(Uri baseAddress, LoadUser user, int period)
    {
        var client = new LoadClient(baseAddress, user, period);
        var page = await client._http.GetStringAsync("/account/login");
        using var response = await client._http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email, ["Password"] = LoadData.Password, ["__RequestVerificationToken"] = TokenOf(page),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {user.Email} failed ({(int)response.StatusCode}).");
        }
        var evaluation = await client._http.GetStringAsync(client.EvaluationUrl);
        client._token = TokenOf(evaluation);
        client._evaluationVersion = EvaluationVersion().Match(evaluation) is { Success: true } m ? m.Groups[1].Value : Guid.Empty.ToString();
        return client;
    }

    /// <summary>Forgets the samples and errors (not the acknowledged saves) before a new measurement.</summary>
    public void Reset()
    {
        Samples.Clear();
        Messages.Clear();
        _errors.Clear();
    }

    public async Task<long> GetAsync(string url)
    {
        using var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? body.Length : throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
    }

    /// <summary>One GET, expecting 200.</summary>
    public async Task OneAsync(string kind, string url) => await TimedAsync(kind, () => GetStreamedAsync(url), HttpStatusCode.OK);

    /// <summary>
    /// A GET that answers once the headers are in, so that the body is read as it arrives (into <see cref="_discard"/> or as text) rather
    /// than first copied whole into a buffer of the handler's: a 493 kB PDF per download was a large object for the generator's collector.
    /// </summary>
    private Task<HttpResponseMessage> GetStreamedAsync(string url) => _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);

    /// <summary>A user's turn: the members list, a member's edit form and its save, an autosave of the evaluation draft, the cached PDF.</summary>
    public async Task MixAsync(string pdf)
    {
        await TimedAsync("members page", () => GetStreamedAsync(MembersUrl), HttpStatusCode.OK);
        await SaveAsync();
        await TimedAsync("cached summary PDF", () => GetStreamedAsync(pdf), HttpStatusCode.OK);
    }

    /// <summary>A turn of the deadline hour: a random pause of 0–2×<paramref name="think"/> (as one types between autosaves), then <see cref="SaveAsync"/>.</summary>
    public async Task SaveAfterPauseAsync(TimeSpan think)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 2 * think.TotalMilliseconds));
        await SaveAsync();
    }

    /// <summary>A member's edit form and its save (302), then an autosave of the evaluation draft (200 with the new version).</summary>
    public async Task SaveAsync()
    {
        await SaveMemberAsync();
        await AutosaveAsync();
    }

    /// <summary>The next member's edit form, then its save (302).</summary>
    public async Task SaveMemberAsync()
    {
        _turn++;
        var memberId = _user.MemberIds[_turn % _user.MemberIds.Count];
        var edit = $"{MembersUrl}/{memberId}/edit";
        var form = await TimedAsync("member edit form", () => GetStreamedAsync(edit), HttpStatusCode.OK, keepBody: true);
        if (form is not null && MemberVersion().Match(form) is { Success: true } version)
        {
            var representative = $"陳大文{_turn}";
            var saved = await TimedAsync("member save", () => _http.PostAsync(edit, new FormUrlEncodedContent(MemberFields(memberId, representative, version.Groups[1].Value))),
                HttpStatusCode.Redirect);
            if (saved is not null)
            {
                SavedRepresentatives[memberId] = representative;
            }
        }
        else if (form is not null)
        {
            Error("member save", "member save: no Form.Version on the edit form");
        }
    }

    /// <summary>An autosave of the evaluation draft (200 with the new version).</summary>
    public async Task AutosaveAsync()
    {
        var narrative = $"第{_turn}次自動儲存：本期招募會員並拓展產學合作。";
        var masters = _turn % 9;
        var autosaved = await TimedAsync("evaluation autosave", () => _http.PostAsync(EvaluationUrl + "/autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Version"] = _evaluationVersion, ["Form.Items[0].Narrative"] = narrative,
            ["Form.Masters"] = masters.ToString(CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = _token,
        })), HttpStatusCode.OK, keepBody: true);
        if (autosaved is not null)
        {
            _evaluationVersion = JsonDocument.Parse(autosaved).RootElement.GetProperty("version").GetString()!;
            SavedDraft = (narrative, masters);
        }
    }

    private Dictionary<string, string> MemberFields(int memberId, string representative, string version) => new()
    {
        ["Form.Type"] = "Company", ["Form.Basis"] = "Contract", ["Form.IndustryCode"] = "C19", ["Form.IsPaying"] = "true", ["Form.Region"] = "South",
        ["Form.CompanyName"] = $"基準會員{memberId}股份有限公司", ["Form.Representative"] = representative, ["Form.City"] = "臺南市",
        ["Form.Street"] = "中西區民生路1號", ["Form.Phone"] = "06-1234567", ["Form.ContractStart"] = "2021/03/01", ["Form.ContractEnd"] = "2022/03/31",
        ["Form.CapitalBand"] = "101~500萬元", ["Form.EmployeeBand"] = "經常雇用員工數5~29人", ["Form.InIndustrialPark"] = "false",
        ["Form.Version"] = version, ["__RequestVerificationToken"] = _token,
    };

    /// <summary>
    /// Times a request read to the end; an unexpected status or a failure counts as an error. Answers the body as text when it is
    /// the expected status and <paramref name="keepBody"/>, an empty text when expected otherwise (the body read and dropped), else null.
    /// </summary>
    private async Task<string?> TimedAsync(string kind, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, bool keepBody = false)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            if (response.StatusCode == expected && !keepBody)
            {
                var read = await DrainAsync(response);
                watch.Stop();
                Samples.Add(new Sample(kind, watch.Elapsed.TotalMilliseconds, read));
                return "";
            }
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            Samples.Add(new Sample(kind, watch.Elapsed.TotalMilliseconds, response.Content.Headers.ContentLength ?? body.Length));
            if (response.StatusCode == expected)
            {
                return body;
            }
            Error(kind, $"{kind}: {(int)response.StatusCode} {Validation().Match(body).Groups[1].Value}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            Samples.Add(new Sample(kind, watch.Elapsed.TotalMilliseconds, 0));
            Error(kind, $"{kind}: {e.GetType().Name} {e.Message}");
        }
        return null;
    }

    private async Task<long> DrainAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(_discard)) > 0)
        {
            total += read;
        }
        return total;
    }

    private void Error(string kind, string message)
    {
        _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
        Messages.Add(message);
    }

    private static string TokenOf(string page) =>
        Token().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Form.Version\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex MemberVersion();

    [GeneratedRegex("name=\"Form.Version\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex EvaluationVersion();

    [GeneratedRegex("field-validation-error[^>]*>([^<]*)<")]
    private static partial Regex Validation();

    public void Dispose() => _http.Dispose();
}
