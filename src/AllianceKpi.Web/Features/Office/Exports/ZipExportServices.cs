using AllianceKpi.Infrastructure.Files;

namespace AllianceKpi.Web.Features.Office.Exports;

/// <summary>How the background zip exports run; bound from the "ZipExports" section.</summary>
public sealed class ZipExportOptions
{
    public const string Section = "ZipExports";

    /// <summary>How often a node looks for queued jobs (a job requested on this node starts at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A running job whose node has not reported progress for this long is taken over by another node.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>The zip files, in their own store under Storage:Root/exports.</summary>
public sealed class ZipExportStore(string root)
{
    public LocalFileStore Files { get; } = new(root);

    /// <summary>Where a zip is written while it is built, before it moves into the store.</summary>
    public string BuildingPath(int jobId)
    {
        var folder = Path.Combine(Files.Root, ".building");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{jobId}-{Guid.NewGuid():N}.zip");
    }
}

/// <summary>Wakes this node's worker when a job was requested here, so it does not wait for the next poll.</summary>
public sealed class ZipExportSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Poke()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already poked: the worker will look once, which is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

public static class ZipExportServices
{
    public static IServiceCollection AddZipExports(this IServiceCollection services, IConfiguration configuration, string storageRoot)
    {
        services.AddOptions<ZipExportOptions>().Bind(configuration.GetSection(ZipExportOptions.Section))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.StaleAfter > TimeSpan.Zero,
                "ZipExports:PollInterval and ZipExports:StaleAfter must be positive time spans, e.g. 00:00:10.")
            .ValidateOnStart();
        services.AddSingleton(new ZipExportStore(Path.Combine(storageRoot, "exports")));
        services.AddSingleton<ZipExportSignal>();
        services.AddScoped<ZipExportBuilder>();
        services.AddHostedService<ZipExportWorker>();
        return services;
    }
}
