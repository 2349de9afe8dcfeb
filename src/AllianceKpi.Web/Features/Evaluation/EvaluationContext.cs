using System.Security.Claims;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>
/// What the 管考資料 page of one project and report period stands on: the 工作進度 context (project, year, period, entries and
/// the engine's report of the period), the engine's report through the period, the year's 預期成果 (null when never saved),
/// the user's part in the workflow (null: none), the form (a blank 草稿 when none was saved yet) and the period's entries whose
/// stored values fail their own form's checks today (<see cref="EntryChecksHandler"/>).
/// </summary>
public sealed record EvaluationContext(
    ProgressContext Progress,
    KpiReport Cumulative,
    Domain.Forms.ExpectedResults? Targets,
    Actor? Actor,
    EvaluationForm Form,
    IReadOnlyList<InvalidEntry> InvalidEntries)
{
    public int ProjectId => Progress.ProjectId;
    public int PeriodId => Progress.PeriodId;
    public KpiReport PeriodReport => Progress.Report;
    public string Url => $"/projects/{ProjectId}/evaluation/{PeriodId}";
    public FormRef Ref => new(FormKind.Evaluation, ProjectId, PeriodId);
    public bool IsNew => Form.Id == 0;

    /// <summary>
    /// False for a context loaded for a draft save only (<see cref="EvaluationContextHandler.LoadForDraftAsync"/>): no entries,
    /// no targets, reports of nothing. Such a context gives no checklist and no snapshot, so it can never decide a 確定送出.
    /// </summary>
    public bool HasFigures { get; init; } = true;

    /// <summary>The checklist of the form as it stands, the period's invalid entries blocking.</summary>
    public IReadOnlyList<ChecklistItem> Checklist() =>
        SubmissionChecklist.Check(ChecklistInputs.ForEvaluation(
            new EvaluationChecklistSource(Form, PeriodReport, Cumulative, EntriesWithFigures, Targets, InvalidEntries)));

    /// <summary>The snapshot 確定送出 stores: the form, both reports and the period's entries with their verdicts.</summary>
    public Snapshot Snapshot() =>
        FormSnapshots.ForEvaluation(new EvaluationSnapshotInput(Form, PeriodReport, Cumulative, EntriesWithFigures));

    /// <summary>
    /// The form's part of the snapshot only (no entries), for the audit log of a save. The audit keeps only what differs between
    /// two such snapshots of one context, so the engine's figures (the same in both) never show there, and a draft-save context's
    /// reports of nothing give the same row.
    /// </summary>
    public Snapshot ContentSnapshot() => ContentSnapshot(Form);

    public Snapshot ContentSnapshot(EvaluationForm form) =>
        FormSnapshots.ForEvaluation(new EvaluationSnapshotInput(form, PeriodReport, Cumulative, new KpiEntries()));

    private KpiEntries EntriesWithFigures => HasFigures
        ? Progress.Entries
        : throw new InvalidOperationException("This 管考資料 context was loaded for a draft save and has no entries or figures.");
}

/// <summary>
/// Loads an <see cref="EvaluationContext"/>. The period must be a report period (第一次, 第二次, 期末) of the project's programme
/// year — the same rule and the same engine run as the 工作進度 pages (<see cref="ProgressContextHandler"/>) — else null (404).
/// </summary>
public sealed class EvaluationContextHandler(ProgressContextHandler progress, AppDbContext db, FormWorkflowHandler workflow,
    EntryChecksHandler entryChecks)
{
    public async Task<EvaluationContext?> LoadAsync(ClaimsPrincipal user, int projectId, int periodId, bool tracked,
        CancellationToken cancellationToken)
    {
        var context = await progress.LoadAsync(user, projectId, periodId, cancellationToken);
        if (context is null)
        {
            return null;
        }
        var cumulative = KpiEngine.Evaluate(KpiInput.CumulativeThrough(context.Year, context.Year.Periods, context.Period, context.Entries));
        var targets = await db.ExpectedResults.AsNoTracking()
            .FirstOrDefaultAsync(e => e.ProjectId == projectId && e.Year == context.Project.Year, cancellationToken);
        var (actor, form) = await ActorAndFormAsync(user, projectId, periodId, tracked, cancellationToken);
        return new EvaluationContext(context, cumulative, targets, actor, form, entryChecks.InvalidEntries(context));
    }

    /// <summary>
    /// What a 資料暫存 without files and without 確定送出 (the autosave) needs: the project, the period and its lock, the user's part
    /// and the tracked form; not the entries, the engine's figures, the targets or the entries' own checks, which only the page, the
    /// checklist and 確定送出 use (a draft save is decided on role, state and dates; <see cref="FormWorkflow"/>). Null as above.
    /// </summary>
    public async Task<EvaluationContext?> LoadForDraftAsync(ClaimsPrincipal user, int projectId, int periodId, CancellationToken cancellationToken)
    {
        var context = await progress.LoadAsync(user, projectId, periodId, NoEntries, cancellationToken);
        if (context is null)
        {
            return null;
        }
        var (actor, form) = await ActorAndFormAsync(user, projectId, periodId, tracked: true, cancellationToken);
        return new EvaluationContext(context, context.Report, null, actor, form, []) { HasFigures = false };
    }

    private static readonly IReadOnlySet<EntryKind> NoEntries = new HashSet<EntryKind>();

    private async Task<(Actor? Actor, EvaluationForm Form)> ActorAndFormAsync(ClaimsPrincipal user, int projectId, int periodId, bool tracked,
        CancellationToken cancellationToken)
    {
        var actor = await workflow.ActorAsync(user, projectId, cancellationToken);
        var form = await (tracked ? TrackedFormQuery : UntrackedFormQuery)(db, projectId, periodId, cancellationToken)
                   ?? new EvaluationForm { ProjectId = projectId, ReportingPeriodId = periodId, State = FormState.Draft };
        return (actor, form);
    }

    // Read by every 管考資料 page and every autosave: compiled once (docs/performance.md, round 17).
    private static readonly Func<AppDbContext, int, int, CancellationToken, Task<EvaluationForm?>> TrackedFormQuery =
        EF.CompileAsyncQuery((AppDbContext db, int projectId, int periodId, CancellationToken cancellationToken) =>
            db.EvaluationForms.Include(f => f.Items).FirstOrDefault(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId));

    private static readonly Func<AppDbContext, int, int, CancellationToken, Task<EvaluationForm?>> UntrackedFormQuery =
        EF.CompileAsyncQuery((AppDbContext db, int projectId, int periodId, CancellationToken cancellationToken) =>
            db.EvaluationForms.AsNoTracking().Include(f => f.Items).FirstOrDefault(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId));
}
