using AllianceKpi.Infrastructure;

namespace AllianceKpi.Web.Infrastructure.Startup;

/// <summary>A configuration value that stops the portal from starting; its message is one clear line.</summary>
public sealed class PortalConfigurationException(string message) : Exception(message);

/// <summary>The settings the portal needs before it can build its services, read and checked once at start.</summary>
public sealed record PortalSettings(
    DatabaseProvider Provider,
    string ConnectionString,
    string StorageRoot,
    bool SeedDemo,
    string? AdminEmail,
    string? AdminInitialPassword)
{
    /// <summary>
    /// Demo:Today (yyyy-MM-dd): the Taiwan date the portal's clock starts from, for a demo of a past programme year (the
    /// demo data is of 2021, whose deadlines have passed). The clock runs on from there. Null: the real date.
    /// </summary>
    public DateOnly? DemoToday { get; init; }

    public static PortalSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var providerText = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(providerText)
            || !Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider)
            || int.TryParse(providerText, out _))
        {
            throw new PortalConfigurationException(
                $"Database:Provider must be 'Sqlite' or 'Postgres' (was '{providerText}').");
        }
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new PortalConfigurationException("ConnectionStrings:Default is empty: give the database's connection string.");
        }
        var storageRoot = configuration["Storage:Root"];
        if (string.IsNullOrWhiteSpace(storageRoot))
        {
            throw new PortalConfigurationException("Storage:Root is empty: give the folder where uploaded files are kept.");
        }
        var seedText = configuration["Demo:Seed"];
        var seedDemo = environment.IsDevelopment();
        if (!string.IsNullOrWhiteSpace(seedText) && !bool.TryParse(seedText, out seedDemo))
        {
            throw new PortalConfigurationException($"Demo:Seed must be true or false (was '{seedText}').");
        }
        var adminEmail = configuration["Admin:Email"];
        var adminPassword = configuration["Admin:InitialPassword"];
        if (!string.IsNullOrWhiteSpace(adminEmail) && string.IsNullOrWhiteSpace(adminPassword))
        {
            throw new PortalConfigurationException("Admin:Email is set but Admin:InitialPassword is empty: give the first administrator's password.");
        }
        var todayText = configuration["Demo:Today"];
        DateOnly? demoToday = null;
        if (!string.IsNullOrWhiteSpace(todayText))
        {
            if (!DateOnly.TryParseExact(todayText.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var day))
            {
                throw new PortalConfigurationException($"Demo:Today must be a date written yyyy-MM-dd, e.g. 2021-06-01 (was '{todayText}').");
            }
            demoToday = day;
        }
        return new PortalSettings(provider, connectionString, Path.GetFullPath(storageRoot), seedDemo,
            string.IsNullOrWhiteSpace(adminEmail) ? null : adminEmail.Trim(), adminPassword) { DemoToday = demoToday };
    }
}
