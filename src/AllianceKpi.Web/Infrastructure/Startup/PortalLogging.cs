using Serilog;

namespace AllianceKpi.Web.Infrastructure.Startup;

/// <summary>Serilog: levels from the Serilog section, the console always, a rolling file when Serilog:FilePath is set.</summary>
public static class PortalLogging
{
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Serilog");
        var template = section["ConsoleTemplate"] ?? "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: template);
        var filePath = section["FilePath"];
        if (!string.IsNullOrWhiteSpace(filePath))
        {
            var retained = int.TryParse(section["RetainedFiles"], out var days) ? days : 14;
            logger.WriteTo.File(filePath, rollingInterval: RollingInterval.Day, retainedFileCountLimit: retained);
        }
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger.CreateLogger(), dispose: true);
    }
}
