using System.Globalization;
using AllianceKpi.Domain.Reports;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Progress;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.Exports;

public sealed record ZipExportPeriod(int Id, string Name);

/// <summary>One job as the page and its script show it.</summary>
public sealed record ZipExportStatus(int Id, string Period, string Status, string StatusLabel, int Total, int Done, string? Error,
    string? DownloadUrl, string RequestedAt)
{
    public bool Finished => Status is nameof(SummaryZipJobStatus.Completed) or nameof(SummaryZipJobStatus.Failed);
}

public sealed record ZipExportPage(IReadOnlyList<ZipExportPeriod> Periods, IReadOnlyList<ZipExportStatus> Jobs);

/// <summary>A finished zip to download: the file and its name.</summary>
public sealed record ZipExportFile(Stream Content, string FileName);

/// <summary>全部綜整表 PDF 壓縮檔: the office asks for a period's zip, follows its progress and downloads it when done.</summary>
public sealed class ZipExportHandler(AppDbContext db, ZipExportStore store, ZipExportSignal signal, TimeProvider clock)
{
    public const int JobsShown = 20;

    public async Task<ZipExportPage> PageAsync(CancellationToken cancellationToken)
    {
        var periods = await db.ReportingPeriods.AsNoTracking()
            .Where(p => ProgressListController.ProgressKinds.Contains(p.Kind))
            .OrderByDescending(p => p.ProgrammeYear!.Year).ThenBy(p => p.Kind)
            .Select(p => new ZipExportPeriod(p.Id, p.Name)).ToListAsync(cancellationToken);
        var ids = await db.SummaryZipJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(JobsShown).Select(j => j.Id).ToListAsync(cancellationToken);
        var jobs = new List<ZipExportStatus>();
        foreach (var id in ids)
        {
            jobs.Add((await StatusAsync(id, cancellationToken))!);
        }
        return new ZipExportPage(periods, jobs);
    }

    /// <summary>Queues a zip of the period's summaries; null when the period is not a report period (404).</summary>
    public async Task<int?> RequestAsync(int periodId, string userId, CancellationToken cancellationToken)
    {
        var exists = await db.ReportingPeriods.AnyAsync(p => p.Id == periodId && ProgressListController.ProgressKinds.Contains(p.Kind), cancellationToken);
        if (!exists)
        {
            return null;
        }
        var job = new SummaryZipJob { ReportingPeriodId = periodId, RequestedByUserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.SummaryZipJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Poke();
        return job.Id;
    }

    public async Task<ZipExportStatus?> StatusAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await db.SummaryZipJobs.AsNoTracking().Where(j => j.Id == jobId)
            .Join(db.ReportingPeriods, j => j.ReportingPeriodId, p => p.Id, (j, p) => new { Job = j, Period = p.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }
        var (j, requested) = (job.Job, new DateTimeOffset(job.Job.CreatedAt, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8)));
        return new ZipExportStatus(j.Id, job.Period, j.Status.ToString(), Label(j.Status), j.Total, j.Done, j.Error,
            j.Status == SummaryZipJobStatus.Completed ? ZipExportController.DownloadUrl(j.Id) : null,
            requested.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>The finished zip, or null (unknown job, not finished, or its file is gone).</summary>
    public async Task<ZipExportFile?> FileAsync(int jobId, CancellationToken cancellationToken)
    {
        var job = await db.SummaryZipJobs.AsNoTracking().Where(j => j.Id == jobId && j.Status == SummaryZipJobStatus.Completed)
            .Join(db.ReportingPeriods, j => j.ReportingPeriodId, p => p.Id, (j, p) => new { j.FileKey, p.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (job?.FileKey is not { } key || store.Files.OpenRead(key) is not { } content)
        {
            return null;
        }
        return new ZipExportFile(content, FileName(job.Name));
    }

    /// <summary>「2021第一次(3)_季綜整表.zip」.</summary>
    public static string FileName(string periodName) => $"{ProgressContext.ShortName(periodName)}_季綜整表.zip";

    public static string Label(SummaryZipJobStatus status) => status switch
    {
        SummaryZipJobStatus.Queued => "排隊中",
        SummaryZipJobStatus.Running => "產生中",
        SummaryZipJobStatus.Completed => "已完成",
        SummaryZipJobStatus.Failed => "失敗",
        _ => status.ToString(),
    };
}
