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
    public static async Task DeadlineAsync(string root, int count, TimeSpan duration, TimeSpan think, TimeSpan warmup)
    {
        var (portal, clients, _) = await StartAsync(root, count);
        await using (portal)
        {
            await MeasureAsync("warm-up (saves)", clients.Take(8).ToList(), warmup, c => c.SaveAsync(), quiet: true);
            Console.WriteLine();
            Console.WriteLine(string.Format(Culture, "deadline hour: {0} users, each saving after a pause of 0–{1:0} s, for {2:0} s", count, 2 * think.TotalSeconds, duration.TotalSeconds));
            Console.WriteLine(string.Format(Culture, LoadResult.Header, "users"));
            await MeasureAsync($"{count} | saves", clients, duration, c => c.SaveAfterPauseAsync(think), portal);
            Console.WriteLine(string.Format(Culture, "web process: peak memory (VmHWM) {0:0} MB", portal.StatusKb("VmHWM") / 1024.0));
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    public static async Task RunAsync(string root, int[] levels, TimeSpan duration, TimeSpan warmup, bool kinds = false)
    {
        var (portal, clients, pdf) = await StartAsync(root, levels.Max());
        await using (portal)
        {
            await RunLevelsAsync(portal, clients, pdf, levels, duration, warmup, kinds);
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

    private static async Task RunLevelsAsync(PortalProcess portal, List<LoadClient> clients, string pdf, int[] levels, TimeSpan duration,
        TimeSpan warmup, bool kinds)
    {
        // Until round 6 the warm-up was 5 s, and the first level's mix ran while the runtime was still recompiling hot code
        // (tiered compilation, about 29,000 methods): a request served in the first pass cost up to 1.7 times the portal CPU
        // of the same request in the second. The figures are of the portal in its steady state, as it is after its first minute in service.
        var warm = clients.Take(8).ToList();
        var warmed = await MeasureAsync("warm-up (mix)", warm, warmup, c => c.MixAsync(pdf), portal, quiet: true);
        // Then one turn of the mix for every user, 8 at a time: the first level to reach a user otherwise found its alliance's pages
        // not yet in the node's cache, and its first half second ran slower than the rest of it (p99 of the server's own times at
        // 32 connections 2–6 ms higher with that half second than without). On a deadline day every alliance at work is in the cache.
        var visited = await LoadMeasure.RunAsync(clients, TimeSpan.Zero, c => c.MixAsync(pdf), workers: 8, turnsEach: 1);
        if (visited.Errors > 0)
        {
            Console.WriteLine($"warm-up: {visited.Errors} errors in the turn of every user: {string.Join("; ", visited.Messages.Take(3))}");
        }
        await MeasureAsync("warm-up (about)", warm, TimeSpan.FromSeconds(3), c => c.OneAsync("about", "/about"), quiet: true);
        var bare = await BarePageAsync(clients[0]);
        await MeasureAsync("warm-up (bare page)", warm, TimeSpan.FromSeconds(3), c => c.OneAsync("bare", bare), quiet: true);
        await MeasureAsync("warm-up (members page)", warm, TimeSpan.FromSeconds(3), c => c.OneAsync("members", c.MembersUrl), quiet: true);
        Console.WriteLine(string.Format(Culture, "warm-up: the mix for {0:0} s on 8 connections ({1:0} req/s, portal CPU {2:0.00} ms per request), one turn of it for each of the {3} users, then 3 s of each page",
            warmup.TotalSeconds, warmed.PerSecond, warmed.CpuMs, clients.Count));
        if (kinds)
        {
            await KindsAsync(portal, warm, pdf, duration);
        }
        Console.WriteLine();
        Console.WriteLine(string.Format(Culture, LoadResult.Header, "connections"));
        // The peak of the whole run, kept by hand: each run of a level is measured from a fresh VmHWM where the kernel allows,
        // so that the mix's peak is told apart from that of the single-page runs after it.
        var runPeak = portal.StatusKb("VmHWM");
        foreach (var level in levels)
        {
            var group = clients.Take(level).ToList();
            var peaks = new List<long>();
            var alone = true;
            async Task<(double PerSecond, double CpuMs, double OwnCpuMs)> PhaseAsync(string name, Func<LoadClient, Task> request)
            {
                alone &= portal.ResetPeak();
                var result = await MeasureAsync($"{level} | {name}", group, duration, request, portal);
                peaks.Add(portal.StatusKb("VmHWM"));
                return result;
            }
            var mix = await PhaseAsync("mix", c => c.MixAsync(pdf));
            var about = await PhaseAsync("/about (the ceiling of rounds 1–6)", c => c.OneAsync("about", "/about"));
            var sized = await PhaseAsync("bare page of the members page's size", c => c.OneAsync("bare", bare));
            var members = await PhaseAsync("members page only", c => c.OneAsync("members", c.MembersUrl));
            Console.WriteLine(string.Format(Culture, "|  | members page / bare page of its size | {0:0%} |  |  |  |  |  |  |  |", members.PerSecond / sized.PerSecond));
            Console.WriteLine(string.Format(Culture, "|  | members page / /about | {0:0%} |  |  |  |  |  |  |  |", members.PerSecond / about.PerSecond));
            Console.WriteLine(string.Format(Culture,
                "|  | portal CPU per request: mix {0:0.00} ms, /about {1:0.00} ms, bare page {2:0.00} ms, members page {3:0.00} ms (bare / members {4:0%}); the load generator's own CPU per mix request {5:0.00} ms |  |  |  |  |  |  |  |",
                mix.CpuMs, about.CpuMs, sized.CpuMs, members.CpuMs, sized.CpuMs / members.CpuMs, mix.OwnCpuMs));
            runPeak = Math.Max(runPeak, peaks.Max());
            Console.WriteLine(alone
                ? string.Format(Culture, "|  | web process peak memory (VmHWM) of each run: mix {0:0} MB, /about {1:0} MB, bare page {2:0} MB, members page only {3:0} MB |  |  |  |  |  |  |  |",
                    peaks[0] / 1024.0, peaks[1] / 1024.0, peaks[2] / 1024.0, peaks[3] / 1024.0)
                : string.Format(Culture, "|  | web process peak memory so far (VmHWM) | {0:0} MB |  |  |  |  |  |  |  |", portal.StatusKb("VmHWM") / 1024.0));
        }
        Console.WriteLine();
        Console.WriteLine(string.Format(Culture, "web process: peak memory of the run (VmHWM) {0:0} MB, now (VmRSS) {1:0} MB",
            runPeak / 1024.0, portal.StatusKb("VmRSS") / 1024.0));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// The portal's CPU per request of each kind of the mix, each run alone on <paramref name="clients"/> for the duration. A save
    /// needs the edit form's version, so the member save's figure is that of the pair (form and save) less the form's alone.
    /// </summary>
    private static async Task KindsAsync(PortalProcess portal, List<LoadClient> clients, string pdf, TimeSpan duration)
    {
        var members = await MeasureAsync("members page", clients, duration, c => c.OneAsync("members", c.MembersUrl), portal, quiet: true);
        var form = await MeasureAsync("member edit form", clients, duration, c => c.OneAsync("form", c.FirstEditUrl), portal, quiet: true);
        var pair = await MeasureAsync("member edit form and save", clients, duration, c => c.SaveMemberAsync(), portal, quiet: true);
        var autosave = await MeasureAsync("evaluation autosave", clients, duration, c => c.AutosaveAsync(), portal, quiet: true);
        var cached = await MeasureAsync("cached summary PDF", clients, duration, c => c.OneAsync("pdf", pdf), portal, quiet: true);
        Console.WriteLine(string.Format(Culture,
            "portal CPU per request, each kind alone on {0} connections: members page {1:0.00} ms, member edit form {2:0.00} ms, member save {3:0.00} ms, evaluation autosave {4:0.00} ms, cached summary PDF {5:0.00} ms",
            clients.Count, members.CpuMs, form.CpuMs, 2 * pair.CpuMs - form.CpuMs, autosave.CpuMs, cached.CpuMs));
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

    /// <summary>Runs <paramref name="step"/> in a loop on every client for the duration; prints a table row per request kind; answers req/s overall and
    /// the portal's CPU milliseconds per request (0 without a portal to read) and the generator's own (this process, which shares
    /// the machine's cores with the portal).</summary>
    private static async Task<(double PerSecond, double CpuMs, double OwnCpuMs)> MeasureAsync(string label, List<LoadClient> clients, TimeSpan duration,
        Func<LoadClient, Task> step, PortalProcess? portal = null, bool quiet = false)
    {
        var cpuBefore = portal?.CpuSeconds() ?? 0;
        var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await LoadMeasure.RunAsync(clients, duration, step);
        var cpuMs = portal is null || result.Samples.Count == 0 ? 0 : (portal.CpuSeconds() - cpuBefore) * 1000 / result.Samples.Count;
        var ownMs = result.Samples.Count == 0 ? 0 : (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalMilliseconds / result.Samples.Count;
        if (!quiet)
        {
            var parts = label.Split(" | ", 2);
            var (level, what) = parts.Length == 2 ? (parts[0], parts[1]) : ("", parts[0]);
            foreach (var row in result.Rows(level, what))
            {
                Console.WriteLine(row);
            }
        }
        return (result.PerSecond, cpuMs, ownMs);
    }
}
