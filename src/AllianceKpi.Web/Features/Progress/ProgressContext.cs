using System.Data;
using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>
/// What every 工作進度 page of one project and period stands on: the project, the period (of the project's programme year),
/// the year with its periods, the project's entries and the rules engine's report for the period. A page about one kind of
/// entry holds only the lists that decide that kind's verdicts (<see cref="KpiEngine.InputsOf"/>); the others are empty, so
/// only that kind's verdicts (and the members') may be read from it.
/// </summary>
public sealed record ProgressContext(
    Project Project,
    ProgrammeYear Year,
    ReportingPeriod Period,
    KpiEntries Entries,
    KpiReport Report,
    string? ReadOnlyReason)
{
    public const string ClosedMessage = "此綜整表已截止或未開放，無法修改工作進度。";

    /// <summary>
    /// 「計畫辦公室僅檢視計畫填報的資料」: the office reviews; it returns or reopens a form rather than changing what the project wrote.
    /// </summary>
    public const string OfficeReadOnlyMessage = "計畫辦公室僅檢視計畫填報的資料；如需修改，請退回或重新開放由計畫修改。";

    /// <summary>Whether the project may add, change and delete this period's entries now (the period's 管考資料 is not locked).</summary>
    public bool Editable => ReadOnlyReason is null;

    /// <summary>The data this context was made of, as this node keeps it (<see cref="ProgressContextCache"/>), or null.</summary>
    public ProgressPageData? Data { get; init; }

    public int ProjectId => Project.Id;
    public int PeriodId => Period.Id;
    // A list page asks for these once or twice per row; they are computed once per context. Each cache remembers what it was
    // computed from, so a copy made with `with` and another project, period or year computes its own.
    private (int Project, int Period, string Url)? _baseUrl;
    private (ProgrammeYear Year, Dictionary<int, string> Labels)? _periodLabels;

    public string BaseUrl
    {
        get
        {
            if (_baseUrl is not { } cached || cached.Project != Project.Id || cached.Period != Period.Id)
            {
                cached = (Project.Id, Period.Id, $"/projects/{Project.Id}/progress/{Period.Id}");
                _baseUrl = cached;
            }
            return cached.Url;
        }
    }

    /// <summary>季類別 of an entry: 2021第一次(3) for 2021年產學小聯盟第一次(3)成果綜整表; empty for a period not of this year.</summary>
    public string PeriodLabel(int periodId)
    {
        if (_periodLabels is not { } cached || !ReferenceEquals(cached.Year, Year))
        {
            var labels = new Dictionary<int, string>();
            foreach (var period in Year.Periods)
            {
                labels.TryAdd(period.Id, ShortName(period.Name));
            }
            cached = (Year, labels);
            _periodLabels = cached;
        }
        return cached.Labels.GetValueOrDefault(periodId, "");
    }

    public static string ShortName(string name) => name.Replace("年產學小聯盟", "", StringComparison.Ordinal)
        .Replace("成果綜整表", "", StringComparison.Ordinal).Trim();

    public Verdict? VerdictOf(EntryKind kind, int entryId) => Report.Find(kind, entryId);
}

/// <summary>
/// Loads a <see cref="ProgressContext"/>: one query per table, entries untracked. Every page, save and edit form of
/// 工作進度 and 管考資料 runs this, so its queries are compiled once (no expression-tree work per request) and run on one
/// connection (SQLite's pool takes a lock on every open and close), given back before the page is rendered. What they and
/// the rules engine give is kept by <see cref="ProgressContextCache"/> under the project's progress stamp, which the role
/// check reads with the project's row: while no save has changed it, a page reads nothing more.
/// </summary>
public sealed class ProgressContextHandler(AppDbContext db, TimeProvider clock, ProjectAccess access, ProgressContextCache cache)
{
    private static readonly Func<AppDbContext, int, IAsyncEnumerable<Project>> ProjectQuery =
        EF.CompileAsyncQuery((AppDbContext db, int projectId) => db.Projects.AsNoTracking().Where(p => p.Id == projectId));

    private static readonly Func<AppDbContext, int, int, IAsyncEnumerable<ProgrammeYear>> YearQuery =
        EF.CompileAsyncQuery((AppDbContext db, int year, int periodId) => db.ProgrammeYears.AsNoTracking().Include(y => y.Periods)
            .Where(y => y.Year == year && y.Periods.Any(p => p.Id == periodId)));

    private static readonly Func<AppDbContext, int, int, IAsyncEnumerable<FormLock>> FormQuery =
        EF.CompileAsyncQuery((AppDbContext db, int projectId, int periodId) => db.EvaluationForms.AsNoTracking()
            .Where(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId)
            .Select(f => new FormLock(f.State, f.ExtendedUntil)));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<AllianceMember>> MembersQuery =
        EF.CompileAsyncQuery<AppDbContext, int, AllianceMember>((db, projectId) => db.AllianceMembers.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<OperatingIncome>> IncomesQuery =
        EF.CompileAsyncQuery<AppDbContext, int, OperatingIncome>((db, projectId) => db.OperatingIncomes.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<CooperationProject>> CooperationQuery =
        EF.CompileAsyncQuery<AppDbContext, int, CooperationProject>((db, projectId) => db.CooperationProjects.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<TechTransfer>> TransfersQuery =
        EF.CompileAsyncQuery<AppDbContext, int, TechTransfer>((db, projectId) => db.TechTransfers.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<TechnicalService>> ServicesQuery =
        EF.CompileAsyncQuery<AppDbContext, int, TechnicalService>((db, projectId) => db.TechnicalServices.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<PromotionActivity>> PromotionQuery =
        EF.CompileAsyncQuery<AppDbContext, int, PromotionActivity>((db, projectId) => db.PromotionActivities.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<MemberService>> MemberServicesQuery =
        EF.CompileAsyncQuery<AppDbContext, int, MemberService>((db, projectId) => db.MemberServices.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id));

    private static readonly Func<AppDbContext, int, IAsyncEnumerable<DerivedResult>> DerivedQuery =
        EF.CompileAsyncQuery<AppDbContext, int, DerivedResult>((db, projectId) => db.DerivedResults.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id));

    /// <summary>
    /// Null when the project or the period does not exist, or the period is not a work-progress period (預期成果 has no entries)
    /// of the project's programme year.
    /// </summary>
    public Task<ProgressContext?> LoadAsync(ClaimsPrincipal user, int projectId, int periodId, CancellationToken cancellationToken) =>
        LoadAsync(user, projectId, periodId, AllKinds, cancellationToken);

    /// <summary>
    /// As above with only the entry lists of <paramref name="kinds"/> loaded (the others empty): a page about one kind passes
    /// <see cref="KpiEngine.InputsOf"/> that kind, which gives its verdicts exactly as all the lists would.
    /// </summary>
    public async Task<ProgressContext?> LoadAsync(ClaimsPrincipal user, int projectId, int periodId, IReadOnlySet<EntryKind> kinds,
        CancellationToken cancellationToken)
    {
        // The role check that let the request in read the project (with its progress stamp) a moment ago; when this node
        // computed the page under that stamp, nothing else is read.
        var kindsKey = ProgressContextCache.KindsKey(kinds);
        var project = access.ProjectReadWithRole(projectId);
        if (project is not null && cache.Find(project, periodId, kindsKey) is { } kept)
        {
            return Context(user, project, kept);
        }

        // One connection serves the page's queries and goes back to the pool before the engine runs and the page renders,
        // so rendering holds no connection (a pooled SQLite connection keeps its own page cache and schema). Left open when
        // the caller opened it.
        var openHere = db.Database.GetDbConnection().State != ConnectionState.Open;
        if (openHere)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        ProgrammeYear? year;
        ReportingPeriod? period;
        KpiEntries entries;
        FormLock? form;
        try
        {
            if (project is null)
            {
                // The office's requests pass on their role and read the project here.
                project = await FirstAsync(ProjectQuery(db, projectId), cancellationToken);
                if (project is null)
                {
                    return null;
                }
                if (cache.Find(project, periodId, kindsKey) is { } keptForOffice)
                {
                    return Context(user, project, keptForOffice);
                }
            }
            year = await FirstAsync(YearQuery(db, project.Year, periodId), cancellationToken);
            period = year?.Periods.First(p => p.Id == periodId);
            if (year is null || period is null || !ProgressListController.ProgressKinds.Contains(period.Kind))
            {
                return null;
            }
            entries = await EntriesAsync(projectId, kinds, cancellationToken);
            // Read for the office too: what is kept serves whoever asks next.
            form = await FirstAsync(FormQuery(db, projectId, period.Id), cancellationToken);
        }
        finally
        {
            if (openHere)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        var report = KpiEngine.Evaluate(KpiInput.ForPeriod(year, year.Periods, period, entries));
        // Kept under the stamp read before the queries: a save committed in between changed the stamp, so what was read
        // then (newer, never older, than that stamp) is never found again.
        var data = new ProgressPageData(project.ProgressStamp, project.Year, year, period, entries, report, form, kindsKey);
        cache.Store(projectId, data);
        return Context(user, project, data);
    }

    private ProgressContext Context(ClaimsPrincipal user, Project project, ProgressPageData data) =>
        new(project, data.Year, data.Period, data.Entries, data.Report, ReadOnlyReason(user, data.Period, data.Form)) { Data = data };

    /// <summary>
    /// Before a save of one entry of <paramref name="context"/>'s project: the save is to replace the stamp the context's data
    /// was read under, so that <see cref="CarryOverAsync{T}"/> can tell afterwards whether another save came between.
    /// </summary>
    public void SavingFrom(ProgressContext context)
    {
        if (context.Data is { } data && cache.Enabled)
        {
            db.SavingOverProgressStamp(context.ProjectId, data.Stamp);
        }
    }

    /// <summary>
    /// After a committed save (or delete, <paramref name="deleted"/>) of the entry <paramref name="id"/> through
    /// <paramref name="context"/>: when the save replaced exactly the stamp the context's data was read under, nothing else of
    /// the project changed in between, so that data with this one entry read back (or taken out) and the rules engine run
    /// again is the project's as of the new stamp, and is kept under it. The list page a save leads back to, and the next
    /// edit form, then read no list again (docs/performance.md, round 16). Otherwise nothing is kept, and the next page reads
    /// everything, as before.
    /// </summary>
    public async Task CarryOverAsync<T>(ProgressContext context, int id, bool deleted, CancellationToken cancellationToken)
        where T : ProgressEntry
    {
        if (context.Data is not { } data || !data.Holds(KpiEntries.KindOf(typeof(T)))
            || db.ProgressStampAfter(context.ProjectId, data.Stamp) is not { } next)
        {
            return;
        }
        // Read back, not copied from the saved object: the row as the database gives it (an amount's scale, say) is what a
        // fresh read would show. A save by another request after this one's commit makes what is read newer than the stamp,
        // never older; that stamp is then no longer the project's, and what is kept under it is never found.
        var now = deleted ? null : await ReadBack<T>.Query(db, id, context.ProjectId);
        var entries = data.Entries.With(id, now);
        var report = KpiEngine.Evaluate(KpiInput.ForPeriod(data.Year, data.Year.Periods, data.Period, entries));
        cache.Store(context.ProjectId, data with { Stamp = next, Entries = entries, Report = report });
    }

    private static class ReadBack<T> where T : ProgressEntry
    {
        public static readonly Func<AppDbContext, int, int, Task<T?>> Query = EF.CompileAsyncQuery((AppDbContext db, int id, int projectId) =>
            db.Set<T>().AsNoTracking().FirstOrDefault(e => e.Id == id && e.ProjectId == projectId));
    }

    /// <summary>
    /// Why the period's entries cannot be changed by this user now, or null: the office only views; the project follows the
    /// period's 管考資料 form — locked once submitted or accepted, else open while the period (or the project's extension) is.
    /// </summary>
    private string? ReadOnlyReason(ClaimsPrincipal user, ReportingPeriod period, FormLock? form) =>
        ProjectAccess.IsOffice(user)
            ? ProgressContext.OfficeReadOnlyMessage
            : FormWorkflow.EditBlocker(form?.State ?? FormState.Draft, SubmissionWindow.Of(period, form?.ExtendedUntil), clock.TaiwanToday());

    private static readonly IReadOnlySet<EntryKind> AllKinds = Enum.GetValues<EntryKind>().ToHashSet();

    private async Task<KpiEntries> EntriesAsync(int projectId, IReadOnlySet<EntryKind> kinds, CancellationToken cancellationToken) => new()
    {
        Members = kinds.Contains(EntryKind.Member) ? await ListAsync(MembersQuery(db, projectId), cancellationToken) : [],
        Incomes = kinds.Contains(EntryKind.OperatingIncome) ? await ListAsync(IncomesQuery(db, projectId), cancellationToken) : [],
        CooperationProjects = kinds.Contains(EntryKind.CooperationProject) ? await ListAsync(CooperationQuery(db, projectId), cancellationToken) : [],
        TechTransfers = kinds.Contains(EntryKind.TechTransfer) ? await ListAsync(TransfersQuery(db, projectId), cancellationToken) : [],
        TechnicalServices = kinds.Contains(EntryKind.TechnicalService) ? await ListAsync(ServicesQuery(db, projectId), cancellationToken) : [],
        PromotionActivities = kinds.Contains(EntryKind.PromotionActivity) ? await ListAsync(PromotionQuery(db, projectId), cancellationToken) : [],
        MemberServices = kinds.Contains(EntryKind.MemberService) ? await ListAsync(MemberServicesQuery(db, projectId), cancellationToken) : [],
        DerivedResults = kinds.Contains(EntryKind.DerivedResult) ? await ListAsync(DerivedQuery(db, projectId), cancellationToken) : [],
    };

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            list.Add(row);
        }
        return list;
    }

    private static async Task<T?> FirstAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken) where T : class
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            return row;
        }
        return null;
    }
}

public static class SavedMessages
{
    /// <summary>「已儲存：列計」 or 「已儲存：不列計——reason」, with a warning after it when there is one.</summary>
    public static string Saved(Verdict? verdict, string? warning)
    {
        var text = verdict is null ? "已儲存。"
            : verdict.Counted ? "已儲存：列計"
            : $"已儲存：不列計——{string.Join("；", verdict.Reasons)}";
        return warning is null ? text : $"{text}。注意：{warning}";
    }
}
