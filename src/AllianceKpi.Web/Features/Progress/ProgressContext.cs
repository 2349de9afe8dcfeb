using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
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

/// <summary>Loads a <see cref="ProgressContext"/>: one query per table, entries untracked.</summary>
public sealed class ProgressContextHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Null when the project or the period does not exist, or the period is not a work-progress period (預期成果 has no entries)
    /// of the project's programme year.
    /// </summary>
    public async Task<ProgressContext?> LoadAsync(ClaimsPrincipal user, int projectId, int periodId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var year = await db.ProgrammeYears.AsNoTracking().Include(y => y.Periods)
            .FirstOrDefaultAsync(y => y.Year == project.Year && y.Periods.Any(p => p.Id == periodId), cancellationToken);
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
        var form = await db.EvaluationForms.AsNoTracking().Where(f => f.ProjectId == projectId && f.ReportingPeriodId == period.Id)
            .Select(f => new { f.State, f.ExtendedUntil }).FirstOrDefaultAsync(cancellationToken);
        return FormWorkflow.EditBlocker(form?.State ?? FormState.Draft, SubmissionWindow.Of(period, form?.ExtendedUntil), clock.TaiwanToday());
    }

    /// <summary>The verdict of one entry after a save, for the flash message.</summary>
    public async Task<Verdict?> VerdictAsync(ClaimsPrincipal user, int projectId, int periodId, EntryKind kind, int entryId,
        CancellationToken cancellationToken) =>
        (await LoadAsync(user, projectId, periodId, cancellationToken))?.VerdictOf(kind, entryId);

    private async Task<KpiEntries> EntriesAsync(int projectId, CancellationToken cancellationToken) => new()
    {
        Members = await db.AllianceMembers.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(cancellationToken),
        Incomes = await db.OperatingIncomes.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(cancellationToken),
        CooperationProjects = await db.CooperationProjects.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(cancellationToken),
        TechTransfers = await db.TechTransfers.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(cancellationToken),
        TechnicalServices = await db.TechnicalServices.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(cancellationToken),
        PromotionActivities = await db.PromotionActivities.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(cancellationToken),
        MemberServices = await db.MemberServices.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(cancellationToken),
        DerivedResults = await db.DerivedResults.AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(cancellationToken),
    };
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
