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
/// the year with its periods, all the project's entries and the rules engine's report for the period.
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

    public int ProjectId => Project.Id;
    public int PeriodId => Period.Id;
    public string BaseUrl => $"/projects/{Project.Id}/progress/{Period.Id}";

    /// <summary>季類別 of an entry: 2021第一次(3) for 2021年產學小聯盟第一次(3)成果綜整表.</summary>
    public string PeriodLabel(int periodId)
    {
        var period = Year.Periods.FirstOrDefault(p => p.Id == periodId);
        return period is null ? "" : ShortName(period.Name);
    }

    public static string ShortName(string name) => name.Replace("年產學小聯盟", "", StringComparison.Ordinal)
        .Replace("成果綜整表", "", StringComparison.Ordinal).Trim();

    public Verdict? VerdictOf(EntryKind kind, int entryId) => Report.Find(kind, entryId);
}

/// <summary>
/// Loads a <see cref="ProgressContext"/>: one query per table, entries untracked. Every page, save and edit form of
/// 工作進度 and 管考資料 runs this, so its queries are compiled once (no expression-tree work per request) and run on one
/// connection opened for the rest of the request (SQLite's pool takes a lock on every open and close).
/// </summary>
public sealed class ProgressContextHandler(AppDbContext db, TimeProvider clock)
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
    public async Task<ProgressContext?> LoadAsync(ClaimsPrincipal user, int projectId, int periodId, CancellationToken cancellationToken)
    {
        // Opened here, the connection serves every query of the request and is closed when the request's context is disposed.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var project = await FirstAsync(ProjectQuery(db, projectId), cancellationToken);
        if (project is null)
        {
            return null;
        }
        var year = await FirstAsync(YearQuery(db, project.Year, periodId), cancellationToken);
        var period = year?.Periods.First(p => p.Id == periodId);
        if (year is null || period is null || !ProgressListController.ProgressKinds.Contains(period.Kind))
        {
            return null;
        }
        var entries = await EntriesAsync(projectId, cancellationToken);
        var report = KpiEngine.Evaluate(KpiInput.ForPeriod(year, year.Periods, period, entries));
        return new ProgressContext(project, year, period, entries, report, await ReadOnlyReasonAsync(user, projectId, period, cancellationToken));
    }

    /// <summary>
    /// Why the period's entries cannot be changed by this user now, or null: the office only views; the project follows the
    /// period's 管考資料 form — locked once submitted or accepted, else open while the period (or the project's extension) is.
    /// </summary>
    private async Task<string?> ReadOnlyReasonAsync(ClaimsPrincipal user, int projectId, ReportingPeriod period, CancellationToken cancellationToken)
    {
        if (ProjectAccess.IsOffice(user))
        {
            return ProgressContext.OfficeReadOnlyMessage;
        }
        var form = await FirstAsync(FormQuery(db, projectId, period.Id), cancellationToken);
        return FormWorkflow.EditBlocker(form?.State ?? FormState.Draft, SubmissionWindow.Of(period, form?.ExtendedUntil), clock.TaiwanToday());
    }

    private async Task<KpiEntries> EntriesAsync(int projectId, CancellationToken cancellationToken) => new()
    {
        Members = await ListAsync(MembersQuery(db, projectId), cancellationToken),
        Incomes = await ListAsync(IncomesQuery(db, projectId), cancellationToken),
        CooperationProjects = await ListAsync(CooperationQuery(db, projectId), cancellationToken),
        TechTransfers = await ListAsync(TransfersQuery(db, projectId), cancellationToken),
        TechnicalServices = await ListAsync(ServicesQuery(db, projectId), cancellationToken),
        PromotionActivities = await ListAsync(PromotionQuery(db, projectId), cancellationToken),
        MemberServices = await ListAsync(MemberServicesQuery(db, projectId), cancellationToken),
        DerivedResults = await ListAsync(DerivedQuery(db, projectId), cancellationToken),
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

    /// <summary>The 管考資料 form's lock state of a period (the form may not exist yet).</summary>
    private sealed record FormLock(FormState State, DateOnly? ExtendedUntil);
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
