using Serilog;

namespace AllianceKpi.Web.Infrastructure.Startup;

/// <summary>
/// Serilog: levels from the Serilog section, the console always, a rolling file when Serilog:FilePath is set. Both are
/// written by one background thread (Serilog.Sinks.Async): a request only queues its line, and never waits for the console
/// or the file's lock unless 10,000 lines are already waiting. The queue is written out when the host stops.
/// </summary>
public static class PortalLogging
{
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Serilog");
        var template = section["ConsoleTemplate"] ?? "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
        var filePath = section["FilePath"];
        var retained = int.TryParse(section["RetainedFiles"], out var days) ? days : 14;
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Async(sinks =>
            {
                sinks.Console(outputTemplate: template);
                if (!string.IsNullOrWhiteSpace(filePath))
                {
                    sinks.File(filePath, rollingInterval: RollingInterval.Day, retainedFileCountLimit: retained);
                }
            }, bufferSize: 10_000, blockWhenFull: true);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger.CreateLogger(), dispose: true);
    }
}
