using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using AllianceKpi.Domain.Reports;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Web.Features.Evaluation;
using AllianceKpi.Web.Features.Reports;
using AllianceKpi.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace AllianceKpi.Web.Features.Office.Exports;

/// <summary>
/// Builds one zip export: the 季綜整表 PDF of every project of the period's programme year (a submitted form's from the cache,
/// printed once if needed), written entry by entry to a file under the store's root — never the whole zip in memory — and
/// then moved into the store. Progress is written to the job after each project.
/// </summary>
public sealed class ZipExportBuilder(IServiceScopeFactory scopes, AppDbContext db, ZipExportStore store, TimeProvider clock)
{
    /// <summary>The office as the renders see it: the summary pages and the engine, without a signed-in user.</summary>
    private static readonly ClaimsPrincipal Office =
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, AppRoles.Office)], authenticationType: "ZipExport"));

    public async Task BuildAsync(int jobId, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-TW");
        var periodId = await db.SummaryZipJobs.Where(j => j.Id == jobId).Select(j => j.ReportingPeriodId).SingleAsync(cancellationToken);
        var year = await db.ReportingPeriods.Where(p => p.Id == periodId).Select(p => p.ProgrammeYear!.Year).SingleAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.Number).Select(p => p.Id)
            .ToListAsync(cancellationToken);
        await UpdateAsync(jobId, s => s.SetProperty(j => j.Total, projects.Count), cancellationToken);
        var path = store.BuildingPath(jobId);
        try
        {
            await WriteZipAsync(jobId, periodId, projects, path, cancellationToken);
            StoredZip stored;
            await using (var zip = File.OpenRead(path))
            {
                var file = await store.Files.SaveAsync(zip, cancellationToken);
                stored = new StoredZip(file.Key, file.Length);
            }
            await UpdateAsync(jobId, s => s
                .SetProperty(j => j.Status, SummaryZipJobStatus.Completed)
                .SetProperty(j => j.FileKey, stored.Key)
                .SetProperty(j => j.FileLength, stored.Length)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var message = ex is PdfUnavailableException ? Reports.SummaryController.PdfUnavailableMessage : "產生壓縮檔時發生錯誤，請稍後再試。";
            await UpdateAsync(jobId, s => s
                .SetProperty(j => j.Status, SummaryZipJobStatus.Failed)
                .SetProperty(j => j.Error, message)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
            throw;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed record StoredZip(string Key, long Length);

    /// <summary>Renders the projects' PDFs (as many at once as the renderer allows) and adds each to the zip as it comes.</summary>
    private async Task WriteZipAsync(int jobId, int periodId, List<int> projects, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        using var gate = new SemaphoreSlim(1, 1);
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(projects, parallel, async (projectId, token) =>
        {
            var (name, bytes) = await RenderAsync(projectId, periodId, token);
            await gate.WaitAsync(token);
            try
            {
                // PDFs are compressed already.
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                await using (var stream = entry.Open())
                {
                    await stream.WriteAsync(bytes, token);
                }
                done++;
                var now = clock.GetUtcNow().UtcDateTime;
                await UpdateAsync(jobId, s => s.SetProperty(j => j.Done, done).SetProperty(j => j.HeartbeatAt, now), token);
            }
            finally
            {
                gate.Release();
            }
        });
    }

    /// <summary>One project's 季綜整表: the file name and the PDF, in a scope of its own (renders run side by side).</summary>
    private async Task<(string Name, byte[] Pdf)> RenderAsync(int projectId, int periodId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var context = await services.GetRequiredService<EvaluationContextHandler>().LoadAsync(Office, projectId, periodId, tracked: false, cancellationToken)
                      ?? throw new InvalidOperationException($"Project {projectId} has no summary for period {periodId}.");
        var document = await services.GetRequiredService<SubmittedSummaryHandler>().DocumentAsync(context, SummaryView.Period, cancellationToken);
        var action = new ActionContext(new DefaultHttpContext { RequestServices = services, User = Office }, new RouteData(), new ActionDescriptor());
        var pdf = await services.GetRequiredService<SummaryPdfHandler>().PdfAsync(action, document, cancellationToken);
        return (SummaryReportHandler.FileName(context, SummaryView.Period), pdf);
    }

    private Task<int> UpdateAsync(int jobId, Action<UpdateSettersBuilder<SummaryZipJob>> set, CancellationToken cancellationToken) =>
        db.SummaryZipJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(set, cancellationToken);
}
