using AllianceKpi.Domain.Reports;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Features.Office.Exports;

/// <summary>
/// Builds the queued zip exports, one at a time per node. Several web nodes may run it: a job is claimed by one conditional
/// update (queued → running), which only one node can win; a running job whose node went silent is claimed again.
/// </summary>
public sealed class ZipExportWorker(IServiceScopeFactory scopes, ZipExportSignal signal, IOptions<ZipExportOptions> options,
    TimeProvider clock, ILogger<ZipExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await TryBuildNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Looking for zip exports failed; trying again later");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and builds one job; false when there was none to claim.</summary>
    public async Task<bool> TryBuildNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var jobId = await ClaimAsync(db, cancellationToken);
        if (jobId is not { } id)
        {
            return false;
        }
        logger.LogInformation("Building zip export {JobId}", id);
        await scope.ServiceProvider.GetRequiredService<ZipExportBuilder>().BuildAsync(id, cancellationToken);
        return true;
    }

    private async Task<int?> ClaimAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - options.Value.StaleAfter;
        var candidates = await db.SummaryZipJobs.AsNoTracking()
            .Where(j => j.Status == SummaryZipJobStatus.Queued || (j.Status == SummaryZipJobStatus.Running && j.HeartbeatAt < stale))
            .OrderBy(j => j.Id).Select(j => new { j.Id, j.Status, j.HeartbeatAt }).Take(5).ToListAsync(cancellationToken);
        foreach (var job in candidates)
        {
            // Only one node's update finds the row as it read it.
            var claimed = await db.SummaryZipJobs
                .Where(j => j.Id == job.Id && j.Status == job.Status && j.HeartbeatAt == job.HeartbeatAt)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, SummaryZipJobStatus.Running)
                    .SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.HeartbeatAt, now)
                    .SetProperty(j => j.Done, 0), cancellationToken);
            if (claimed == 1)
            {
                return job.Id;
            }
        }
        return null;
    }
}
