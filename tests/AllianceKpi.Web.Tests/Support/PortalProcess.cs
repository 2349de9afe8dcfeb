using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>
/// The built portal (AllianceKpi.Web.dll) as a separate Kestrel process on a free loopback port, as a node of a deployment
/// runs it. Waits for /health to answer 200; kills its own process (by handle) when disposed.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private PortalProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts a node with the given settings (configuration keys, e.g. "Storage:Root") and waits until it is healthy.</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "AllianceKpi.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Security__CookieSecurePolicy"] = "SameAsRequest"; // plain http on loopback
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var node = new PortalProcess(Process.Start(start)!, $"http://127.0.0.1:{port}");
        try
        {
            await node.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            node.Dispose();
            throw;
        }
        return node;
    }

    /// <summary>A client of this node that keeps no cookies of its own: the given jar is shared, as a browser behind a load balancer.</summary>
    public PortalClient Client(CookieJar jar) =>
        new(new HttpClient(new CookieJar.Handler(jar)) { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) });

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"The portal at {BaseUrl} exited with {_process.ExitCode}:\n{RecentOutput}");
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
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            await Task.Delay(200);
        }
        throw new Xunit.Sdk.XunitException($"The portal at {BaseUrl} was not healthy within {timeout.TotalSeconds:0} s:\n{RecentOutput}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 60)
            {
                _output.Dequeue();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }
}

/// <summary>
/// Cookies kept by name for every node at once (cookies ignore the port, and a load balancer shows one host). Kept by hand
/// rather than in a CookieContainer so that a Secure flag on plain-HTTP test nodes does not hide them.
/// </summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_cookies)
            {
                return [.. _cookies.Keys];
            }
        }
    }

    public sealed class Handler(CookieJar jar) : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = jar.Header();
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    jar.Take(setCookie);
                }
            }
            return response;
        }
    }

    private string Header()
    {
        lock (_cookies)
        {
            return string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));
        }
    }

    private void Take(string setCookie)
    {
        var pair = setCookie.Split(';', 2)[0];
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return;
        }
        var name = pair[..equals].Trim();
        var value = pair[(equals + 1)..].Trim();
        var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
        lock (_cookies)
        {
            if (value.Length == 0 || expired)
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }
}
