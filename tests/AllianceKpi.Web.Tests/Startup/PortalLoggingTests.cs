using AllianceKpi.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AllianceKpi.Web.Tests.Startup;

/// <summary>
/// The portal's log lines are written by a background thread (<see cref="PortalLogging"/>): a request only queues its line.
/// What was queued must still reach the file when the host stops.
/// </summary>
public sealed class PortalLoggingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", "logs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task EveryLineLoggedBeforeTheHostStopsIsInTheFileInTheOrderLogged()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Information";
        builder.Configuration["Serilog:FilePath"] = Path.Combine(_folder, "portal-.log");
        builder.AddPortalLogging();
        const int lines = 500;
        await using (var app = builder.Build())
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AllianceKpi.Test");
            for (var i = 0; i < lines; i++)
            {
                logger.LogInformation("HTTP GET /projects/{Line} responded 200 for 計畫主持人", i);
            }
        } // disposing the host disposes the logger, which writes out the queue

        var file = Assert.Single(Directory.GetFiles(_folder, "portal-*.log"));
        var written = (await File.ReadAllLinesAsync(file)).Where(l => l.Contains("responded 200 for 計畫主持人", StringComparison.Ordinal)).ToList();
        Assert.Equal(lines, written.Count);
        Assert.Equal(Enumerable.Range(0, lines).Select(i => $"/projects/{i} "), written.Select(l => l[l.IndexOf("/projects/", StringComparison.Ordinal)..(l.IndexOf(" responded", StringComparison.Ordinal) + 1)]));
    }
}
