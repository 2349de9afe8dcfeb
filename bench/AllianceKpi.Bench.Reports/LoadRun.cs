using System.Diagnostics;
using System.Globalization;
using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Bench.Reports;

/// <summary>
/// The load mode (bench/README.md): N signed-in users, one connection each, looping over the deadline-day mix on their own
/// alliance — 招募聯盟會員 list (50 members), a member's edit form and its save, an autosave of the 管考資料 draft, the
/// cached 季綜整表 PDF of a submitted alliance — for a fixed time per level; then, as many requests as the same connections can
/// make, /about (the ceiling used up to round 6), the bare page of the members page's size (the framework's ceiling for a
/// page that size) and the members page alone.
/// </summary>
public static class LoadRun
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
            Console.WriteLine(string.Format(Culture, LoadResult.Header, "users"));
            await MeasureAsync($"{count} | saves", clients, duration, c => c.SaveAfterPauseAsync(think));
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
            ["Bench__BarePage"] = "true",
            ["RateLimits__SignIn__PermitLimit"] = "100000",
            ["RateLimits__AccountForms__PermitLimit"] = "100000",
        };
        var portal = await PortalProcess.StartAsync(root, environment);
        try
        {
            return await PrepareAsync(portal, count);
        }
        catch
        {
            await portal.DisposeAsync(); // a failed set-up must not leave the portal running
            throw;
        }
    }

    private static async Task<(PortalProcess Portal, List<LoadClient> Clients, string Pdf)> PrepareAsync(PortalProcess portal, int count)
    {
        Console.WriteLine(string.Format(Culture, "web process after start-up: {0:0} MB resident (VmRSS)", portal.StatusKb("VmRSS") / 1024.0));
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
        Console.WriteLine(string.Format(Culture, "signed in {0} users in {1:0.0} s; web process {2:0} MB resident (VmRSS)",
            clients.Count, watch.Elapsed.TotalSeconds, portal.StatusKb("VmRSS") / 1024.0));
        var printed = await clients[0].GetAsync(pdf); // the first download prints and stores; the load measures the cached one
        Console.WriteLine(string.Format(Culture, "submitted summary printed once ({0:0} kB); web process before the load: {1:0} MB resident (VmRSS), peak {2:0} MB (VmHWM)",
            printed / 1024.0, portal.StatusKb("VmRSS") / 1024.0, portal.StatusKb("VmHWM") / 1024.0));
        return (portal, clients, pdf);
    }

    private static async Task RunLevelsAsync(PortalProcess portal, List<LoadClient> clients, string pdf, int[] levels, TimeSpan duration)
    {

        await MeasureAsync("warm-up (mix)", clients.Take(8).ToList(), TimeSpan.FromSeconds(3), c => c.MixAsync(pdf), quiet: true);
        await MeasureAsync("warm-up (about)", clients.Take(8).ToList(), TimeSpan.FromSeconds(2), c => c.OneAsync("about", "/about"), quiet: true);
        var bare = await BarePageAsync(clients[0]);
        await MeasureAsync("warm-up (bare page)", clients.Take(8).ToList(), TimeSpan.FromSeconds(2), c => c.OneAsync("bare", bare), quiet: true);
        Console.WriteLine();
        Console.WriteLine(string.Format(Culture, LoadResult.Header, "connections"));
        foreach (var level in levels)
        {
            var group = clients.Take(level).ToList();
            await MeasureAsync($"{level} | mix", group, duration, c => c.MixAsync(pdf));
            var about = await MeasureAsync($"{level} | /about (the ceiling of rounds 1–6)", group, duration, c => c.OneAsync("about", "/about"));
            var sized = await MeasureAsync($"{level} | bare page of the members page's size", group, duration, c => c.OneAsync("bare", bare));
            var members = await MeasureAsync($"{level} | members page only", group, duration, c => c.OneAsync("members", c.MembersUrl));
            Console.WriteLine(string.Format(Culture, "|  | members page / bare page of its size | {0:0%} |  |  |  |  |  |  |  |", members / sized));
            Console.WriteLine(string.Format(Culture, "|  | members page / /about | {0:0%} |  |  |  |  |  |  |  |", members / about));
            Console.WriteLine(string.Format(Culture, "|  | web process peak memory so far (VmHWM) | {0:0} MB |  |  |  |  |  |  |  |", portal.StatusKb("VmHWM") / 1024.0));
        }
        Console.WriteLine();
        Console.WriteLine(string.Format(Culture, "web process: peak memory (VmHWM) {0:0} MB, now (VmRSS) {1:0} MB",
            portal.StatusKb("VmHWM") / 1024.0, portal.StatusKb("VmRSS") / 1024.0));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// The URL of the portal's bare page (<c>/bench/bare</c>: the layout and a table written from a model, no database, no rules)
    /// with as many rows as make it the members page's size: two sizes measured, the rows for the members page's size read off
    /// the line through them.
    /// </summary>
    private static async Task<string> BarePageAsync(LoadClient client)
    {
        const int Probe = 100;
        var members = await client.GetAsync(client.MembersUrl);
        var empty = await client.GetAsync("/bench/bare?rows=0");
        var probe = await client.GetAsync($"/bench/bare?rows={Probe}");
        var rows = (int)Math.Round((members - empty) / ((probe - empty) / (double)Probe));
        var url = $"/bench/bare?rows={Math.Max(rows, 0)}";
        var size = await client.GetAsync(url);
        Console.WriteLine(string.Format(Culture, "bare page of the members page's size: {0} ({1:0.0} kB; the members page {2:0.0} kB)", url, size / 1024.0, members / 1024.0));
        return url;
    }

    /// <summary>Runs <paramref name="step"/> in a loop on every client for the duration; prints a table row per request kind; answers req/s overall.</summary>
    private static async Task<double> MeasureAsync(string label, List<LoadClient> clients, TimeSpan duration, Func<LoadClient, Task> step, bool quiet = false)
    {
        var result = await LoadMeasure.RunAsync(clients, duration, step);
        if (!quiet)
        {
            var parts = label.Split(" | ", 2);
            var (level, what) = parts.Length == 2 ? (parts[0], parts[1]) : ("", parts[0]);
            foreach (var row in result.Rows(level, what))
            {
                Console.WriteLine(row);
            }
        }
        return result.PerSecond;
    }
}
