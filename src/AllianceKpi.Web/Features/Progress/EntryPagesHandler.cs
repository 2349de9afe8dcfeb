using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Submissions;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>
/// The list, form, save and delete of one kind of 工作進度 entry of one project and period. A kind says which of the context's
/// entries are its own, its slug and its <see cref="EntryKind"/>; every read is of the context's project, and an entry is
/// edited or deleted only in the period it was reported in.
/// </summary>
public abstract class EntryPagesHandler<TEntry, TForm>(AppDbContext db, EntrySaveHandler saver, EntryKind kind, string slug)
    : IEntryPages<TForm>
    where TEntry : ProgressEntry, new()
    where TForm : class, IEntryForm<TEntry, TForm>, new()
{
    public EntryKind Kind => kind;

    public string Slug => slug;

    protected AppDbContext Db { get; } = db;

    /// <summary>What a one-time key of this kind's new form is recorded as.</summary>
    public string SubmissionKind => $"progress/{slug}";

    /// <summary>The project's entries of this kind, all periods.</summary>
    protected abstract IReadOnlyList<TEntry> EntriesOf(KpiEntries entries);

    /// <summary>The payer / partner drop-down; none unless the kind names a company.</summary>
    protected virtual IReadOnlyList<MemberChoice> MemberChoices(ProgressContext context) => [];

    /// <summary>The company an entry names, for the list; empty unless the kind names one.</summary>
    protected virtual string CounterpartyOf(ProgressContext context, TEntry entry) => "";

    /// <summary>The form page around the fields; a kind with more to show overrides it.</summary>
    protected virtual EntryFormPage<TForm> FormPage(ProgressContext context, TForm form, int? id, CurrentAttachment? current) =>
        new(context, slug, form, id, current, MemberChoices(context));

    /// <summary>A warning to add to the 「已儲存」 flash; none by default.</summary>
    protected virtual string? WarningAfterSave(ProgressContext context, TForm form, int savedId) => null;

    /// <summary>Why the entry may not be deleted; null (it may) by default.</summary>
    protected virtual Task<string?> DeleteRefusalAsync(int id, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>This period's entries with their verdicts, and below them the earlier periods' entries that are still valid.</summary>
    public EntryListPage<TEntry> Page(ProgressContext context) => new(context, EntriesOf(context.Entries)
        .Where(e => e.ReportingPeriodId == context.PeriodId)
        .Select(e => Row(context, e, context.VerdictOf(kind, e.Id)))
        .ToList(), EarlierRows(context));

    /// <summary>
    /// The entries of earlier periods of the year that still count, read-only: for a flow (income, projects, services, …) those
    /// the engine counts in the 累計 view through this period, with that verdict. Members, a stock, override it.
    /// </summary>
    protected virtual IReadOnlyList<EntryRow<TEntry>> EarlierRows(ProgressContext context)
    {
        var cumulative = KpiEngine.Evaluate(KpiInput.CumulativeThrough(context.Year, context.Year.Periods, context.Period, context.Entries));
        return ValidRows(context, cumulative.Of(kind).Where(v => v.Counted));
    }

    /// <summary>The rows of the given verdicts' entries that are not of this period, in the verdicts' order.</summary>
    protected IReadOnlyList<EntryRow<TEntry>> ValidRows(ProgressContext context, IEnumerable<Verdict> verdicts)
    {
        var byId = EntriesOf(context.Entries).Where(e => e.ReportingPeriodId != context.PeriodId).ToDictionary(e => e.Id);
        return verdicts.Where(v => byId.ContainsKey(v.EntryId)).Select(v => Row(context, byId[v.EntryId], v)).ToList();
    }

    /// <summary>An empty form with a new one-time key (decision 0024).</summary>
    public EntryFormPage<TForm> NewForm(ProgressContext context) =>
        FormPage(context, new TForm(), null, null) with { SubmissionKey = Guid.NewGuid() };

    /// <summary>The edit form of an entry of this project AND this period (an earlier period's entry is read-only here); null otherwise.</summary>
    public async Task<EntryFormPage<TForm>?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var entry = EntriesOf(context.Entries).FirstOrDefault(e => e.Id == id && e.ReportingPeriodId == context.PeriodId);
        return entry is null ? null : await RedisplayAsync(context, TForm.From(entry), id, [], null, cancellationToken);
    }

    /// <summary>
    /// The page again after a refused save, with the drop-downs refilled and the current file. A new entry's form keeps the key it
    /// was posted with, so the corrected POST is still saved once (a form posted without one gets one now).
    /// </summary>
    public async Task<EntryFormPage<TForm>> RedisplayAsync(ProgressContext context, TForm form, int? id,
        IReadOnlyList<Workflow.ConflictField> conflicts, Guid? submissionKey, CancellationToken cancellationToken)
    {
        var attachmentId = EntriesOf(context.Entries).FirstOrDefault(e => e.Id == id)?.AttachmentId;
        var current = await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken);
        return FormPage(context, form, id, current) with
        {
            Conflicts = conflicts,
            SubmissionKey = id is null ? submissionKey ?? Guid.NewGuid() : null,
        };
    }

    /// <summary>
    /// Saves a new (id null) or existing entry of this period: the form's checks into ModelState, then the save with the file.
    /// A new entry's one-time key makes a repeated POST answer with the entry the first one created.
    /// </summary>
    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, TForm form, Guid? submissionKey, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var entry = id is null ? new TEntry() : await TrackedAsync(context, id.Value, cancellationToken);
        if (entry is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(MemberChoices(context)), EntrySaveHandler.Prefix);
        var claim = id is null && submissionKey is { } key ? new SubmissionClaim(key, userId, SubmissionKind, context.ProjectId) : null;
        var save = new EntrySave<TEntry>(context, entry, id is null, form.Version, form.Attachment, form.ApplyTo, claim);
        var staleForm = id is not null && entry.Version != form.Version;
        var conflicts = staleForm ? EntryConflicts.Between(form, TForm.From(entry)) : [];
        var savedId = await saver.SaveAsync(save, userId, modelState, cancellationToken);
        if (savedId is { } saved)
        {
            return new EntrySaveOutcome(true, saved, WarningAfterSave(context, form, saved));
        }
        if (staleForm)
        {
            // Merge instead of overwrite: the next save is of the version the user has now seen.
            form.Version = entry.Version;
            modelState.Remove($"{EntrySaveHandler.Prefix}.{nameof(form.Version)}");
            return EntrySaveOutcome.Refused with { Conflicts = conflicts };
        }
        return EntrySaveOutcome.Refused;
    }

    /// <summary>
    /// This period's entries whose stored values fail the form's own checks today — the same checks a save runs: the form's
    /// annotations, then <see cref="IEntryForm{TEntry, TSelf}.Check"/> with the payer / partner choices of the current year
    /// settings — each with its first problem. For the 送出前檢查 of the period's 管考資料 (imported or older rows, changed settings).
    /// </summary>
    public IEnumerable<InvalidEntry> InvalidEntries(ProgressContext context, Func<EntryKind, int, string> titleOf)
    {
        var members = MemberChoices(context);
        foreach (var entry in EntriesOf(context.Entries).Where(e => e.ReportingPeriodId == context.PeriodId))
        {
            var form = TForm.From(entry);
            var annotations = new List<ValidationResult>();
            Validator.TryValidateObject(form, new ValidationContext(form), annotations, validateAllProperties: true);
            var problem = annotations.Select(r => r.ErrorMessage).FirstOrDefault(m => !string.IsNullOrEmpty(m))
                          ?? form.Check(members).Select(v => v.Message).FirstOrDefault();
            if (problem is not null)
            {
                yield return new InvalidEntry(kind, entry.Id, titleOf(kind, entry.Id), [problem]);
            }
        }
    }

    /// <summary>Deletes an entry of this period and its file, unless the kind refuses.</summary>
    public async Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var entry = await TrackedAsync(context, id, cancellationToken);
        if (entry is null)
        {
            return DeleteOutcome.NotFound;
        }
        if (await DeleteRefusalAsync(id, cancellationToken) is { } refusal)
        {
            return new DeleteOutcome(true, refusal);
        }
        await saver.DeleteAsync(context, entry, cancellationToken);
        return DeleteOutcome.Deleted;
    }

    /// <summary>A line of the list with the given verdict.</summary>
    protected EntryRow<TEntry> Row(ProgressContext context, TEntry entry, Verdict? verdict) =>
        new(entry, context.PeriodLabel(entry.ReportingPeriodId), CounterpartyOf(context, entry), verdict);

    object IEntryPages<TForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<TForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<TForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<TForm>.RedisplayAsync(ProgressContext context, TForm form, int? id,
        IReadOnlyList<Workflow.ConflictField> conflicts, Guid? submissionKey, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, conflicts, submissionKey, cancellationToken);

    private Task<TEntry?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        TrackedQuery(Db, id, context.ProjectId, context.PeriodId, cancellationToken);

    // Read by every save and delete of an entry: compiled once per kind (docs/performance.md, round 17).
    private static readonly Func<AppDbContext, int, int, int, CancellationToken, Task<TEntry?>> TrackedQuery =
        EF.CompileAsyncQuery((AppDbContext db, int id, int projectId, int periodId, CancellationToken cancellationToken) =>
            db.Set<TEntry>().FirstOrDefault(e => e.Id == id && e.ProjectId == projectId && e.ReportingPeriodId == periodId));
}

/// <summary>A kind that names a company — a member chosen from the drop-down or a non-member by name: 付款單位 / 合作對象.</summary>
public abstract class CounterpartyEntryPagesHandler<TEntry, TForm>(AppDbContext db, EntrySaveHandler saver, EntryKind kind, string slug)
    : EntryPagesHandler<TEntry, TForm>(db, saver, kind, slug)
    where TEntry : ProgressEntry, INamesCounterparty, new()
    where TForm : class, IEntryForm<TEntry, TForm>, new()
{
    protected override IReadOnlyList<MemberChoice> MemberChoices(ProgressContext context) => PayerChoices.UpToPeriod(context);

    protected override string CounterpartyOf(ProgressContext context, TEntry entry) => PayerChoices.NameOf(context, entry);
}
