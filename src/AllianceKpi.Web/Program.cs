using AllianceKpi.Web.Infrastructure.Startup;

var builder = WebApplication.CreateBuilder(args);
PortalSettings settings;
try
{
    settings = PortalSettings.Read(builder.Configuration, builder.Environment);
}
catch (PortalConfigurationException ex)
{
    Console.Error.WriteLine($"AllianceKpi cannot start: {ex.Message}");
    return 1;
}

builder.AddPortalLogging();
builder.AddPortal(settings);

var app = builder.Build();
app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
