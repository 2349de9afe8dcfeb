using System.Text.Json;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Reports;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>A PDF printed before (the row of <c>SummaryPdfs</c>, with the SHA-256 of its bytes) and the name to download it under.</summary>
public sealed record CachedSummaryPdf(int SubmissionId, int View, string Status, string Sha256, string FileName);

/// <summary>A summary to show: its model and, when it is the frozen summary of a submission, that submission's id.</summary>
public sealed record SummaryDocument(SummaryReport Report, int? SubmissionId);

/// <summary>
/// The summaries of submitted 管考資料 (decision 0016). At 確定送出 both summaries are built from the data being submitted and
/// stored with the submission; while the form stands 已送出 or 已確認 the summary shown is that stored one (the status in its
/// header follows the form), so later changes of names, entries or targets do not change what was filed. Drafts and returned
/// forms are built from the live data.
/// </summary>
public sealed class SubmittedSummaryHandler(AppDbContext db, SummaryReportHandler reports, TimeProvider clock)
{
    private static readonly SummaryView[] Views = [SummaryView.Period, SummaryView.Cumulative];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    /// <summary>
    /// Called on 確定送出 after the workflow staged the new submission and before the save: stages both summaries with it, so
    /// they are stored in the same transaction, generated at the submission's time.
    /// </summary>
    public async Task FreezeAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var submission = db.ChangeTracker.Entries<FormSubmission>()
            .Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Single(s => s.Kind == FormKind.Evaluation && s.ProjectId == context.ProjectId && s.ReportingPeriodId == context.PeriodId);
        foreach (var view in Views)
        {
            var report = await reports.BuildAsync(context, view, submission.Sha256, submission.SubmittedAt, cancellationToken);
            db.SubmittedSummaries.Add(new SubmittedSummary
            {
                Submission = submission, View = (int)view, ModelJson = JsonSerializer.Serialize(report, Json), CreatedAt = submission.SubmittedAt,
            });
        }
    }

    /// <summary>The summary of the form as it stands: the stored one of its latest submission when submitted or accepted, else live.</summary>
    public async Task<SummaryDocument> DocumentAsync(EvaluationContext context, SummaryView view, CancellationToken cancellationToken)
    {
        if (context.Form.State is not (FormState.Submitted or FormState.Accepted))
        {
            return new SummaryDocument(await reports.BuildAsync(context, view, cancellationToken), null);
        }
        var submission = await db.FormSubmissions.AsNoTracking()
            .Where(s => s.Kind == FormKind.Evaluation && s.ProjectId == context.ProjectId && s.ReportingPeriodId == context.PeriodId)
            .OrderByDescending(s => s.Number).Select(s => new { s.Id, s.Sha256 }).FirstOrDefaultAsync(cancellationToken);
        if (submission is null)
        {
            return new SummaryDocument(await reports.BuildAsync(context, view, cancellationToken), null);
        }
        var report = await StoredAsync(submission.Id, view, cancellationToken)
                     ?? await FreezeLateAsync(context, view, submission.Id, submission.Sha256, cancellationToken);
        // The status follows the form (已送出, then 已確認); the rest is as it was submitted.
        var header = report.Header with { Status = context.Form.State.Label(), IsDraft = false };
        return new SummaryDocument(report with { Header = header }, submission.Id);
    }

    /// <summary>
    /// The quick way to a download printed before: the PDF of the form's latest submission under its current status, found
    /// without loading the entries or running the engine. Null when there is none, or when the full path must decide
    /// (not submitted, 累計 whose 預期成果 is not submitted, a period that is not the project's).
    /// </summary>
    public async Task<CachedSummaryPdf?> CachedPdfAsync(int projectId, int periodId, SummaryView view, CancellationToken cancellationToken)
    {
        var state = await db.EvaluationForms.AsNoTracking().Where(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId)
            .Select(f => (FormState?)f.State).FirstOrDefaultAsync(cancellationToken);
        if (state is not (FormState.Submitted or FormState.Accepted))
        {
            return null;
        }
        var found = await db.FormSubmissions.AsNoTracking()
            .Where(s => s.Kind == FormKind.Evaluation && s.ProjectId == projectId && s.ReportingPeriodId == periodId)
            .OrderByDescending(s => s.Number)
            .Join(db.Projects, s => s.ProjectId, p => p.Id, (s, p) => new { s.Id, p.Number, p.Year })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var period = await db.ReportingPeriods.AsNoTracking().Where(p => p.Id == periodId && p.ProgrammeYear!.Year == found.Year)
            .Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        if (period is null || (view == SummaryView.Cumulative && !await TargetsSubmittedAsync(projectId, found.Year, cancellationToken)))
        {
            return null;
        }
        var label = state.Value.Label();
        var sha256 = await db.SummaryPdfs.AsNoTracking()
            .Where(p => p.FormSubmissionId == found.Id && p.View == (int)view && p.Status == label).Select(p => p.Sha256)
            .FirstOrDefaultAsync(cancellationToken);
        return sha256 is null ? null : new CachedSummaryPdf(found.Id, (int)view, label, sha256, SummaryReportHandler.FileName(found.Number, period, view));
    }

    private Task<bool> TargetsSubmittedAsync(int projectId, int year, CancellationToken cancellationToken) =>
        db.ExpectedResults.AnyAsync(e => e.ProjectId == projectId && e.Year == year
                                         && (e.State == FormState.Submitted || e.State == FormState.Accepted), cancellationToken);

    private async Task<SummaryReport?> StoredAsync(int submissionId, SummaryView view, CancellationToken cancellationToken)
    {
        var json = await db.SubmittedSummaries.AsNoTracking()
            .Where(s => s.FormSubmissionId == submissionId && s.View == (int)view).Select(s => s.ModelJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<SummaryReport>(json, Json);
    }

    /// <summary>
    /// A submission stored before summaries were frozen at 確定送出: frozen now, from the data as it stands (locked since the
    /// submission), generated now. When another request froze it meanwhile, that one is kept.
    /// </summary>
    private async Task<SummaryReport> FreezeLateAsync(EvaluationContext context, SummaryView view, int submissionId, string sha256,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var report = await reports.BuildAsync(context, view, sha256, now, cancellationToken);
        var row = new SubmittedSummary { FormSubmissionId = submissionId, View = (int)view, ModelJson = JsonSerializer.Serialize(report, Json), CreatedAt = now };
        db.SubmittedSummaries.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return report;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return await StoredAsync(submissionId, view, cancellationToken) ?? throw new InvalidOperationException("The summary could not be frozen.");
        }
    }
}
