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
        var found = await QuickPathQuery(db, projectId, periodId, (int)view, SubmittedLabel, AcceptedLabel, cancellationToken);
        if (found is not { State: FormState.Submitted or FormState.Accepted } || found.Period is null || found.Sha256 is null
            || (view == SummaryView.Cumulative && !found.TargetsSubmitted))
        {
            return null;
        }
        return new CachedSummaryPdf(found.SubmissionId, (int)view, found.State.Label(), found.Sha256,
            SummaryReportHandler.FileName(found.Number, found.Period, view));
    }

    private static readonly string SubmittedLabel = FormState.Submitted.Label();
    private static readonly string AcceptedLabel = FormState.Accepted.Label();

    /// <summary>
    /// The quick way to a cached download, taken by every download of a submitted summary, in one statement: the form's
    /// latest submission with its project's number, the form's state, the period's name (when the period is of the project's
    /// year), whether that year's 預期成果 is submitted (for 累計), and the SHA-256 of the PDF stored for the view under the
    /// form's state. Compiled once, so that no expression tree is built and looked up per download; one round trip instead of
    /// four (docs/performance.md, rounds 17 and 18).
    /// </summary>
    private static readonly Func<AppDbContext, int, int, int, string, string, CancellationToken, Task<QuickPath?>> QuickPathQuery =
        EF.CompileAsyncQuery((AppDbContext db, int projectId, int periodId, int view, string submitted, string accepted, CancellationToken cancellationToken) =>
            (from s in db.FormSubmissions.AsNoTracking()
             where s.Kind == FormKind.Evaluation && s.ProjectId == projectId && s.ReportingPeriodId == periodId
             join p in db.Projects on s.ProjectId equals p.Id
             join f in db.EvaluationForms on new { s.ProjectId, s.ReportingPeriodId } equals new { f.ProjectId, f.ReportingPeriodId }
             orderby s.Number descending
             select new QuickPath(
                 s.Id, p.Number, f.State,
                 db.ReportingPeriods.Where(r => r.Id == periodId && r.ProgrammeYear!.Year == p.Year).Select(r => r.Name).FirstOrDefault(),
                 db.ExpectedResults.Any(e => e.ProjectId == projectId && e.Year == p.Year
                                             && (e.State == FormState.Submitted || e.State == FormState.Accepted)),
                 db.SummaryPdfs.Where(x => x.FormSubmissionId == s.Id && x.View == view
                                           && x.Status == (f.State == FormState.Accepted ? accepted : submitted))
                     .Select(x => x.Sha256).FirstOrDefault()))
            .FirstOrDefault());

    /// <summary>What the quick way reads: the latest submission, its form's state and what its cached PDF is found by.</summary>
    private sealed record QuickPath(int SubmissionId, string Number, FormState State, string? Period, bool TargetsSubmitted, string? Sha256);

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
