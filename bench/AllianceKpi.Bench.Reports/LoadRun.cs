using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Bench.Reports;

/// <summary>
/// The load mode (bench/README.md): N signed-in users, one connection each, looping over the deadline-day mix on their own
/// alliance — 招募聯盟會員 list (50 members), a member's edit form and its save, an autosave of the 管考資料 draft, the
/// cached 季綜整表 PDF of a submitted alliance — for a fixed time per level; then the bare /about page and the members page
/// alone, as many requests as the same connections can make, for the framework's ceiling.
/// </summary>
public static partial class LoadRun
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>
    /// The deadline hour: <paramref name="count"/> signed-in users at once, each pausing a random 0–2×<paramref name="think"/>
    /// (as one types between autosaves) and then saving — a member's edit form and save, an autosave of the evaluation draft.
    /// </summary>
    public static async Task DeadlineAsync(string root, int count, TimeSpan duration, TimeSpan think)
    {
        var (portal, clients, _) = await StartAsync(root, count);
        await using (portal)
        {
            await MeasureAsync("warm-up (saves)", clients.Take(8).ToList(), TimeSpan.FromSeconds(3), c => c.SaveAsync(), quiet: true);
            Console.WriteLine();
            Console.WriteLine(string.Format(Culture, "deadline hour: {0} users, each saving after a pause of 0–{1:0} s, for {2:0} s", count, 2 * think.TotalSeconds, duration.TotalSeconds));
            Console.WriteLine("| users | what | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
            Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            await MeasureAsync($"{count} | saves", clients, duration, async c =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * 2 * think.TotalMilliseconds));
                await c.SaveAsync();
            });
            Console.WriteLine(string.Format(Culture, "web process: peak memory (VmHWM) {0:0} MB", portal.StatusKb("VmHWM") / 1024.0));
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    public static async Task RunAsync(string root, int[] levels, TimeSpan duration)
    {
        var (portal, clients, pdf) = await StartAsync(root, levels.Max());
        await using (portal)
        {
            await RunLevelsAsync(portal, clients, pdf, levels, duration);
        }
    }

    private static async Task<(PortalProcess Portal, List<LoadClient> Clients, string Pdf)> StartAsync(string root, int count)
    {
        var environment = new Dictionary<string, string>
        {
            ["RateLimits__SignIn__PermitLimit"] = "100000",
            ["RateLimits__AccountForms__PermitLimit"] = "100000",
        };
        var portal = await PortalProcess.StartAsync(root, environment);
        var data = new SyntheticData(portal.ConnectionString, portal.Provider);
        var first = await LoadData.PeriodAsync(data, ReportingPeriodKind.FirstReport);
        var open = await LoadData.PeriodAsync(data, ReportingPeriodKind.SecondReport);
        var shared = await data.LargeAllianceAsync("2021LOAD_SUBMIT", first);
        await data.SubmitAsync(shared, first);
        var watch = Stopwatch.StartNew();
        var users = await LoadData.UsersAsync(data, count, open, shared);
        Console.WriteLine(string.Format(Culture, "seeded {0} users, each with an alliance of 50 members, in {1:0.0} s", users.Count, watch.Elapsed.TotalSeconds));
        var pdf = $"/projects/{shared}/summary/{first}.pdf?view=period";

        watch.Restart();
        var clients = new List<LoadClient>();
        foreach (var chunk in users.Chunk(8))
        {
            clients.AddRange(await Task.WhenAll(chunk.Select(u => LoadClient.SignInAsync(portal.BaseAddress, u, open))));
        }
        Console.WriteLine(string.Format(Culture, "signed in {0} users in {1:0.0} s", clients.Count, watch.Elapsed.TotalSeconds));
        var printed = await clients[0].GetAsync(pdf); // the first download prints and stores; the load measures the cached one
        Console.WriteLine(string.Format(Culture, "submitted summary printed once ({0:0} kB); web process peak memory before the load (VmHWM) {1:0} MB",
            printed / 1024.0, portal.StatusKb("VmHWM") / 1024.0));
        return (portal, clients, pdf);
    }

    private static async Task RunLevelsAsync(PortalProcess portal, List<LoadClient> clients, string pdf, int[] levels, TimeSpan duration)
    {

        await MeasureAsync("warm-up (mix)", clients.Take(8).ToList(), TimeSpan.FromSeconds(3), c => c.MixAsync(pdf), quiet: true);
        await MeasureAsync("warm-up (about)", clients.Take(8).ToList(), TimeSpan.FromSeconds(2), c => c.OneAsync("about", "/about"), quiet: true);
        Console.WriteLine();
        Console.WriteLine("| connections | what | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var level in levels)
        {
            var group = clients.Take(level).ToList();
            await MeasureAsync($"{level} | mix", group, duration, c => c.MixAsync(pdf));
            var about = await MeasureAsync($"{level} | bare page /about", group, duration, c => c.OneAsync("about", "/about"));
            var members = await MeasureAsync($"{level} | members page only", group, duration, c => c.OneAsync("members", c.MembersUrl));
            Console.WriteLine(string.Format(Culture, "|  | members page / bare page | {0:0%} |  |  |  |  |  |  |", members / about));
            Console.WriteLine(string.Format(Culture, "|  | web process peak memory so far (VmHWM) | {0:0} MB |  |  |  |  |  |  |", portal.StatusKb("VmHWM") / 1024.0));
        }
        Console.WriteLine();
        Console.WriteLine(string.Format(Culture, "web process: peak memory (VmHWM) {0:0} MB, now (VmRSS) {1:0} MB",
            portal.StatusKb("VmHWM") / 1024.0, portal.StatusKb("VmRSS") / 1024.0));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>Runs <paramref name="step"/> in a loop on every client for the duration; prints a table row per request kind; answers req/s overall.</summary>
    private static async Task<double> MeasureAsync(string label, List<LoadClient> clients, TimeSpan duration, Func<LoadClient, Task> step, bool quiet = false)
    {
        foreach (var client in clients)
        {
            client.Reset();
        }
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async c =>
        {
            while (watch.Elapsed < duration)
            {
                await step(c);
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var all = clients.SelectMany(c => c.Samples).ToList();
        var errors = clients.Sum(c => c.Errors);
        if (!quiet)
        {
            Row(label + " (all requests)", all, errors, seconds);
            foreach (var kind in all.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal).Where(_ => all.Select(s => s.Kind).Distinct().Count() > 1))
            {
                Row("  " + kind, all.Where(s => s.Kind == kind).ToList(), clients.Sum(c => c.ErrorsOf(kind)), seconds);
            }
            foreach (var message in clients.SelectMany(c => c.Messages).Distinct().Take(5))
            {
                Console.WriteLine("    error: " + message);
            }
        }
        return all.Count / seconds;
    }

    private static void Row(string label, List<Sample> samples, int errors, double seconds)
    {
        var sorted = samples.Select(s => s.Ms).Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var parts = label.Split(" | ", 2);
        var (level, what) = parts.Length == 2 ? (parts[0], parts[1]) : ("", parts[0]);
        Console.WriteLine(string.Format(Culture, "| {0} | {1} | {2} | {3:0} | {4:0.0} | {5:0.0} | {6:0.0} | {7:0} | {8} |",
            level, what, sorted.Length, sorted.Length / seconds, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : sorted[^1], errors));
    }
}

public readonly record struct Sample(string Kind, double Ms);

/// <summary>One signed-in user with its own connection (at most one to the portal), cookies and anti-forgery token.</summary>
public sealed partial class LoadClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly LoadUser _user;
    private readonly int _period;
    private readonly Dictionary<string, int> _errors = [];
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

    public List<Sample> Samples { get; } = [];
    public HashSet<string> Messages { get; } = [];
    public int Errors => _errors.Values.Sum();
    public int ErrorsOf(string kind) => _errors.GetValueOrDefault(kind);
    public string MembersUrl => $"/projects/{_user.ProjectId}/progress/{_period}/members";
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
    public async Task OneAsync(string kind, string url) => await TimedAsync(kind, () => _http.GetAsync(url), HttpStatusCode.OK);

    /// <summary>A user's turn: the members list, a member's edit form and its save, an autosave of the evaluation draft, the cached PDF.</summary>
    public async Task MixAsync(string pdf)
    {
        await TimedAsync("members page", () => _http.GetAsync(MembersUrl), HttpStatusCode.OK);
        await SaveAsync();
        await TimedAsync("cached summary PDF", () => _http.GetAsync(pdf), HttpStatusCode.OK);
    }

    /// <summary>A member's edit form and its save (302), then an autosave of the evaluation draft (200 with the new version).</summary>
    public async Task SaveAsync()
    {
        _turn++;
        var memberId = _user.MemberIds[_turn % _user.MemberIds.Count];
        var edit = $"{MembersUrl}/{memberId}/edit";
        var form = await TimedAsync("member edit form", () => _http.GetAsync(edit), HttpStatusCode.OK);
        if (form is not null && MemberVersion().Match(form) is { Success: true } version)
        {
            await TimedAsync("member save", () => _http.PostAsync(edit, new FormUrlEncodedContent(MemberFields(memberId, version.Groups[1].Value))),
                HttpStatusCode.Redirect);
        }
        var saved = await TimedAsync("evaluation autosave", () => _http.PostAsync(EvaluationUrl + "/autosave", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Version"] = _evaluationVersion, ["Form.Items[0].Narrative"] = $"第{_turn}次自動儲存：本期招募會員並拓展產學合作。",
            ["Form.Masters"] = (_turn % 9).ToString(CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = _token,
        })), HttpStatusCode.OK);
        if (saved is not null)
        {
            _evaluationVersion = JsonDocument.Parse(saved).RootElement.GetProperty("version").GetString()!;
        }
    }

    private Dictionary<string, string> MemberFields(int memberId, string version) => new()
    {
        ["Form.Type"] = "Company", ["Form.Basis"] = "Contract", ["Form.IndustryCode"] = "C19", ["Form.IsPaying"] = "true", ["Form.Region"] = "South",
        ["Form.CompanyName"] = $"基準會員{memberId}股份有限公司", ["Form.Representative"] = $"陳大文{_turn % 100}", ["Form.City"] = "臺南市",
        ["Form.Street"] = "中西區民生路1號", ["Form.Phone"] = "06-1234567", ["Form.ContractStart"] = "2021/03/01", ["Form.ContractEnd"] = "2022/03/31",
        ["Form.CapitalBand"] = "101~500萬元", ["Form.EmployeeBand"] = "經常雇用員工數5~29人", ["Form.InIndustrialPark"] = "false",
        ["Form.Version"] = version, ["__RequestVerificationToken"] = _token,
    };

    /// <summary>Times a request read to the end; an unexpected status or a failure counts as an error. Answers the body when expected.</summary>
    private async Task<string?> TimedAsync(string kind, Func<Task<HttpResponseMessage>> send, HttpStatusCode expected)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            watch.Stop();
            Samples.Add(new Sample(kind, watch.Elapsed.TotalMilliseconds));
            if (response.StatusCode == expected)
            {
                return body;
            }
            Error(kind, $"{kind}: {(int)response.StatusCode} {Validation().Match(body).Groups[1].Value}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Samples.Add(new Sample(kind, watch.Elapsed.TotalMilliseconds));
            Error(kind, $"{kind}: {e.GetType().Name} {e.Message}");
        }
        return null;
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

    [GeneratedRegex("name=\"Form.Version\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"Form.Version\"")]
    private static partial Regex MemberVersion();

    [GeneratedRegex("name=\"Form.Version\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex EvaluationVersion();

    [GeneratedRegex("field-validation-error[^>]*>([^<]*)<")]
    private static partial Regex Validation();

    public void Dispose() => _http.Dispose();
}
