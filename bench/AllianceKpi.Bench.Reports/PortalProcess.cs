using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AllianceKpi.Infrastructure;
using Npgsql;

namespace AllianceKpi.Bench.Reports;

/// <summary>
/// The built portal (src/AllianceKpi.Web/bin/Release) started as its own process on a free port, with a throwaway SQLite
/// file and storage root and the demo data seeded; stopped (and its files removed) on dispose. With <c>AK_BENCH_PG</c> set to a
/// PostgreSQL connection string (a role that may create databases), the portal runs on a throwaway database created beside it
/// instead, dropped on dispose.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _postgres;

    private PortalProcess(Process process, string folder, int port, string? postgres)
    {
        _process = process;
        Folder = folder;
        _postgres = postgres;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }
    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "bench.db");
    public string ConnectionString => _postgres ?? $"Data Source={DatabasePath}";
    public DatabaseProvider Provider => _postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
    public int Pid => _process.Id;

    public static async Task<PortalProcess> StartAsync(string repositoryRoot, IReadOnlyDictionary<string, string>? environment = null)
    {
        // AK_BENCH_PORTAL: a folder made by `dotnet publish src/AllianceKpi.Web` (e.g. ReadyToRun) to measure instead of the build.
        var published = System.Environment.GetEnvironmentVariable("AK_BENCH_PORTAL");
        var project = string.IsNullOrEmpty(published) ? Path.Combine(repositoryRoot, "src", "AllianceKpi.Web") : Path.GetFullPath(published);
        var dll = string.IsNullOrEmpty(published)
            ? Path.Combine(project, "bin", "Release", "net10.0", "AllianceKpi.Web.dll")
            : Path.Combine(project, "AllianceKpi.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run `dotnet build src/AllianceKpi.Web -c Release` first.");
        }
        var folder = Path.Combine(Path.GetTempPath(), "alliancekpi-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var postgres = await CreatePostgresDatabaseAsync(folder);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = postgres is null ? "Sqlite" : "Postgres",
                ["ConnectionStrings__Default"] = postgres ?? $"Data Source={Path.Combine(folder, "bench.db")}",
                ["Storage__Root"] = Path.Combine(folder, "files"),
                ["Demo__Seed"] = "true",
                ["Demo__Today"] = "2021-11-05",
                ["ZipExports__PollInterval"] = "00:00:01",
                ["Security__CookieSecurePolicy"] = "SameAsRequest", // plain http on loopback
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        // AK_PORTAL_<NAME>=value in the bench's environment is handed to the portal alone as <NAME>=value, e.g. runtime
        // settings tried on the portal and not on the load generator: AK_PORTAL_DOTNET_GCHeapHardLimit=0xC800000.
        foreach (var variable in System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("AK_PORTAL_", StringComparison.Ordinal)))
        {
            start.Environment[variable["AK_PORTAL_".Length..]] = System.Environment.GetEnvironmentVariable(variable);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  portal: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, folder, port, postgres);
        await portal.WaitUntilHealthyAsync();
        return portal;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}.");
            }
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The portal was not healthy within 2 minutes.");
    }

    /// <summary>A line of /proc/{pid}/status in kB (VmHWM: peak resident memory since start or the last <see cref="ResetPeak"/>; VmRSS: now).</summary>
    public long StatusKb(string field) => StatusKb(Pid, field) ?? 0;

    /// <summary>
    /// Starts VmHWM again from the resident memory of now (Linux: 5 written to /proc/&lt;pid&gt;/clear_refs), so that the peak
    /// of one phase of the load can be read alone. False where the kernel or the permissions do not allow it.
    /// </summary>
    public bool ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The CPU time the portal process has used so far (user and system, all threads), in seconds: fields 14 and 15 of
    /// /proc/&lt;pid&gt;/stat, in clock ticks of 1/100 s. Unlike throughput, CPU per request hardly moves when other work
    /// shares the machine, so it is the figure to compare two builds by.
    /// </summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>The resident memory of the portal's child processes (Chromium), in kB.</summary>
    public long ChildrenRssKb()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && StatusKb(pid, "PPid") is { } parent)
            {
                parents[pid] = (int)parent;
            }
        }
        bool Descends(int pid)
        {
            for (var p = pid; parents.TryGetValue(p, out var up) && up > 1; p = up)
            {
                if (up == Pid)
                {
                    return true;
                }
            }
            return false;
        }
        return parents.Keys.Where(Descends).Sum(pid => StatusKb(pid, "VmRSS") ?? 0);
    }

    private static long? StatusKb(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim());
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A new database on the server of <c>AK_BENCH_PG</c>, named after the bench folder; null without the variable.</summary>
    private static async Task<string?> CreatePostgresDatabaseAsync(string folder)
    {
        if (Environment.GetEnvironmentVariable("AK_BENCH_PG") is not { Length: > 0 } server)
        {
            return null;
        }
        var name = "akbench_" + Path.GetFileName(folder)["alliancekpi-bench-".Length..];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Asked to stop (SIGTERM) as a service manager would: the portal closes Chromium, which then removes its
            // temporary profile, and writes out its queued log lines. Killed only when it has not stopped in 15 s.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_postgres) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(_postgres).Database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
