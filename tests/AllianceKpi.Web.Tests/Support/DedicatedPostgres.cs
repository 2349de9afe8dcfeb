using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>
/// A PostgreSQL server of one test alone (scripts/pg-start.sh on a free port and its own folder), which the test may stop
/// and start again without disturbing the server the other tests share. Removed when disposed (scripts/pg-stop.sh).
/// </summary>
public sealed class DedicatedPostgres : IDisposable
{
    private readonly string _root;
    private readonly int _port;
    private readonly string _pgCtl;

    private DedicatedPostgres(string root, int port)
    {
        _root = root;
        _port = port;
        var version = File.ReadAllText(Path.Combine(root, "data", "PG_VERSION")).Trim();
        _pgCtl = $"/usr/lib/postgresql/{version}/bin/pg_ctl";
    }

    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Database=appdb;Username=app;Password=app_pw";

    /// <summary>Why this machine cannot run a server of its own, or null when it can.</summary>
    public static string? Unavailable =>
        Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Any()
            ? ScriptsFolder() is null ? "scripts/pg-start.sh was not found above the test folder" : null
            : "PostgreSQL's server programs (/usr/lib/postgresql/*/bin) are not installed";

    public static async Task<DedicatedPostgres> StartAsync()
    {
        var port = FreePort();
        var root = Path.Combine("/tmp", $"alliancekpi-pg-test-{port}-{Guid.NewGuid().ToString("N")[..8]}");
        await RunAsync("bash", [Path.Combine(ScriptsFolder()!, "pg-start.sh")], new() { ["AK_PG_PORT"] = $"{port}", ["PGROOT"] = root });
        return new DedicatedPostgres(root, port);
    }

    /// <summary>Stops the server as an operator would (fast shutdown: open sessions are ended).</summary>
    public Task StopAsync() => AsPostgresAsync(_pgCtl, "-D", Path.Combine(_root, "data"), "-m", "fast", "-w", "-t", "30", "stop");

    /// <summary>Starts the stopped server again on the same port with the same data.</summary>
    public Task StartAgainAsync() => AsPostgresAsync(_pgCtl, "-D", Path.Combine(_root, "data"), "-l", Path.Combine(_root, "server.log"),
        "-w", "-t", "60", "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_root}", "start");

    private static Task AsPostgresAsync(params string[] command) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", .. command], []) : RunAsync(command[0], command[1..], []);

    private static async Task RunAsync(string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/", // the postgres user must be able to read it
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    private static string? ScriptsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "scripts", "pg-start.sh")))
            {
                return Path.Combine(folder.FullName, "scripts");
            }
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        RunAsync("bash", [Path.Combine(ScriptsFolder()!, "pg-stop.sh")], new() { ["PGROOT"] = _root }).GetAwaiter().GetResult();
    }
}
