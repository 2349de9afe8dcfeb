using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AllianceKpi.Bench.Reports;

// Report benchmarks over HTTP against the real portal (bench/README.md). Modes:
//   large  — one alliance of 500 members, 200 incomes, 100 cooperation projects, 50 tech transfers: summary PDF render,
//            cached download of a submitted summary, Excel cumulative report;
//   zip    — 224 alliances: the office's zip of every 季綜整表 of a period, with progress samples and peak memory;
//   get    — 224 alliances, then the median time of any office download given by --path (hook for the KPI workbook:
//            `-- get --path /office/exports/kpi?periodId={period}`); {period} is the first report period's id.
//   all    — large, then zip, each on a fresh portal;
//   deadline — 700 signed-in users saving at once, each after a random pause (mean --think 20 s), for --seconds 60;
//   load   — N signed-in users over the deadline-day mix at 8, 32, 128 connections, with a bare page of the members page's size
//            as the ceiling (LoadRun.cs). Both load modes warm the portal up first for --warmup seconds (30).
var mode = args.FirstOrDefault() ?? "all";
var path = args.SkipWhile(a => a != "--path").Skip(1).FirstOrDefault();
var root = RepositoryRoot();
var culture = CultureInfo.InvariantCulture;

if (mode == "load")
{
    var levels = (args.SkipWhile(a => a != "--levels").Skip(1).FirstOrDefault() ?? "8,32,128").Split(',').Select(int.Parse).ToArray();
    var seconds = int.Parse(args.SkipWhile(a => a != "--seconds").Skip(1).FirstOrDefault() ?? "10", culture);
    await LoadRun.RunAsync(root, levels, TimeSpan.FromSeconds(seconds), Warmup(), args.Contains("--kinds"));
    return;
}

if (mode == "deadline")
{
    var users = int.Parse(args.SkipWhile(a => a != "--users").Skip(1).FirstOrDefault() ?? "700", culture);
    var seconds = int.Parse(args.SkipWhile(a => a != "--seconds").Skip(1).FirstOrDefault() ?? "60", culture);
    var think = int.Parse(args.SkipWhile(a => a != "--think").Skip(1).FirstOrDefault() ?? "20", culture);
    await LoadRun.DeadlineAsync(root, users, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(think), Warmup());
    return;
}

if (mode is "large" or "all")
{
    await using var portal = await PortalProcess.StartAsync(root);
    var data = new SyntheticData(portal.ConnectionString, portal.Provider);
    var period = await data.FirstReportPeriodAsync();
    var large = await data.LargeAllianceAsync("2021BENCH_LARGE", period);
    var submitted = await data.LargeAllianceAsync("2021BENCH_SUBMIT", period);
    await data.SubmitAsync(submitted, period);
    using var office = await SignedInAsync(portal);

    var render = await office.MedianAsync($"/projects/{large}/summary/{period}.pdf?view=period");
    Console.WriteLine(string.Format(culture, "summary PDF render (large alliance, draft, {0:0} kB, {1} pages): median {2:0} ms of 10 [{3}] — target < 1000 ms",
        render.Last.Length / 1024.0, Pages(render.Last), render.Median, string.Join(", ", render.All.Select(t => t.ToString("0", culture)))));
    var first = await office.TimeAsync($"/projects/{submitted}/summary/{period}.pdf?view=period");
    var cached = await office.MedianAsync($"/projects/{submitted}/summary/{period}.pdf?view=period", warmUps: 0);
    Console.WriteLine(string.Format(culture, "submitted summary: first download (print + store) {0:0} ms; cached download median {1:0.0} ms of 10, byte-identical: {2} — target < 50 ms",
        first.Ms, cached.Median, first.Body.AsSpan().SequenceEqual(cached.Last)));
    var excel = await office.MedianAsync($"/projects/{large}/progress/{period}/cumulative.xlsx");
    Console.WriteLine(string.Format(culture, "Excel cumulative report (large alliance, {0:0} kB): median {1:0} ms of 10 — target < 500 ms",
        excel.Last.Length / 1024.0, excel.Median));
}

if (mode is "zip" or "all" or "get")
{
    await using var portal = await PortalProcess.StartAsync(root);
    var data = new SyntheticData(portal.ConnectionString, portal.Provider);
    var period = await data.FirstReportPeriodAsync();
    var watch = Stopwatch.StartNew();
    await data.ManyAlliancesAsync(224, period);
    Console.WriteLine(string.Format(culture, "seeded 224 alliances in {0:0.0} s", watch.Elapsed.TotalSeconds));
    using var office = await SignedInAsync(portal);
    if (mode == "get")
    {
        var url = (path ?? throw new ArgumentException("get needs --path /office/...")).Replace("{period}", period.ToString(culture), StringComparison.Ordinal);
        var timed = await office.MedianAsync(url);
        Console.WriteLine(string.Format(culture, "GET {0} (224 alliances, {1:0} kB): median {2:0} ms of 10", url, timed.Last.Length / 1024.0, timed.Median));
        return;
    }
    await ZipAsync(portal, office, period);
}

static async Task ZipAsync(PortalProcess portal, PortalHttp office, int period)
{
    var culture = CultureInfo.InvariantCulture;
    var before = portal.StatusKb("VmHWM");
    var watch = Stopwatch.StartNew();
    await office.PostFormAsync("/office/exports/summaries", new() { ["periodId"] = period.ToString(culture) });
    var page = await office.GetStringAsync("/office/exports/summaries");
    var job = Regex.Match(page, "data-zip-job=\"(\\d+)\"").Groups[1].Value;
    long childrenPeak = 0;
    var lastSample = TimeSpan.Zero;
    while (true)
    {
        var status = await office.GetJsonAsync($"/office/exports/summaries/{job}/status");
        childrenPeak = Math.Max(childrenPeak, portal.ChildrenRssKb());
        var state = status.GetProperty("status").GetString();
        if (watch.Elapsed - lastSample >= TimeSpan.FromSeconds(5) || state is "Completed" or "Failed")
        {
            lastSample = watch.Elapsed;
            Console.WriteLine(string.Format(culture, "  {0,5:0.0} s  {1,-9} {2,3} / {3}  web RSS {4:0} MB", watch.Elapsed.TotalSeconds, state,
                status.GetProperty("done").GetInt32(), status.GetProperty("total").GetInt32(), portal.StatusKb("VmRSS") / 1024.0));
        }
        if (state is "Completed" or "Failed")
        {
            break;
        }
        await Task.Delay(500);
    }
    var built = watch.Elapsed;
    var (ms, zip) = await office.TimeAsync($"/office/exports/summaries/{job}/download");
    Console.WriteLine(string.Format(culture, "zip of 224 summaries: built in {0:0.0} s ({1:0.0} MB, downloaded in {2:0} ms) — target < 60 s",
        built.TotalSeconds, zip.Length / 1048576.0, ms));
    Console.WriteLine(string.Format(culture, "web process peak memory (VmHWM): {0:0} MB before the zip, {1:0} MB after; Chromium processes peak RSS sampled: {2:0} MB",
        before / 1024.0, portal.StatusKb("VmHWM") / 1024.0, childrenPeak / 1024.0));
}

static async Task<PortalHttp> SignedInAsync(PortalProcess portal)
{
    var http = new PortalHttp(portal.BaseAddress);
    await http.SignInAsync("office@demo.tw", "Demo2021!");
    return http;
}

static int Pages(byte[] pdf) => Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;

TimeSpan Warmup() => TimeSpan.FromSeconds(int.Parse(args.SkipWhile(a => a != "--warmup").Skip(1).FirstOrDefault() ?? "30", culture));

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "AllianceKpi.sln")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Run from inside the repository (AllianceKpi.sln not found).");
}
