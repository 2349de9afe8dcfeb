using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Office.OfficeReview;
using AllianceKpi.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.PeriodKpi;

/// <summary>A project of the programme year as the office's lists name it.</summary>
public sealed record KpiProject(int Id, string Number, string Name, string PiName, string AllianceName);

/// <summary>
/// One project's KPI in a report period: the engine's figures of the period (季) and through it (累計), the year's 預期成果
/// (null when never saved) and the period's 管考資料 state (null when never saved) with its extension.
/// </summary>
public sealed record ProjectKpi(
    KpiProject Project,
    KpiFigures Period,
    KpiFigures Cumulative,
    Domain.Forms.ExpectedResults? Targets,
    FormState? State,
    DateOnly? ExtendedUntil)
{
    public decimal? Target(KpiMeasure measure) => Targets?.TargetOf(measure);

    /// <summary>達成率 as the 管考資料 page computes it: the cumulative figure against the year's target.</summary>
    public decimal? Rate(KpiMeasure measure) => Achievement.Rate(Cumulative.Value(measure), Target(measure));
}

/// <summary>Every project of a report period's programme year with its KPI, and the entries they were computed from.</summary>
public sealed record PeriodKpiSet(ProgrammeYear Year, ReportingPeriod Period, IReadOnlyList<ProjectKpi> Projects,
    IReadOnlyDictionary<int, KpiEntries> Entries);

/// <summary>
/// The KPI of all projects of a report period in one go: a fixed number of queries (year, projects, one per entry kind, targets,
/// forms) whatever the number of projects, then the same two engine runs per project as the 管考資料 page
/// (<see cref="Evaluation.EvaluationContextHandler"/>): the period view and the cumulative view through the period.
/// </summary>
public sealed class PeriodKpiHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>The report period the office most likely means: open with the nearest deadline still ahead, else the latest one.</summary>
    public async Task<int?> DefaultPeriodIdAsync(CancellationToken cancellationToken)
    {
        var periods = await db.ReportingPeriods.AsNoTracking()
            .Where(p => p.Kind != ReportingPeriodKind.ExpectedResults && p.State != ReportingPeriodState.Planned)
            .Select(p => new { p.Id, p.Deadline, p.State })
            .ToListAsync(cancellationToken);
        var today = clock.TaiwanToday();
        return periods.Where(p => p.State == ReportingPeriodState.Open && p.Deadline >= today).MinBy(p => p.Deadline)?.Id
               ?? periods.MaxBy(p => p.Deadline)?.Id;
    }

    /// <summary>Null when the period does not exist or is not a report period (預期成果 has no figures).</summary>
    public async Task<PeriodKpiSet?> LoadAsync(int periodId, CancellationToken cancellationToken)
    {
        var year = await db.ProgrammeYears.AsNoTracking().Include(y => y.Periods)
            .FirstOrDefaultAsync(y => y.Periods.Any(p => p.Id == periodId), cancellationToken);
        var period = year?.Periods.First(p => p.Id == periodId);
        if (year is null || period is null || period.Kind == ReportingPeriodKind.ExpectedResults)
        {
            return null;
        }
        var projects = await ProjectsAsync(year.Year, cancellationToken);
        var entries = await ProjectEntries.LoadAsync(db, projects.Select(p => p.Id).ToList(), cancellationToken);
        var targets = await db.ExpectedResults.AsNoTracking().Where(e => e.Year == year.Year)
            .ToDictionaryAsync(e => e.ProjectId, cancellationToken);
        var forms = await db.EvaluationForms.AsNoTracking().Where(f => f.ReportingPeriodId == period.Id)
            .Select(f => new { f.ProjectId, f.State, f.ExtendedUntil })
            .ToDictionaryAsync(f => f.ProjectId, cancellationToken);
        var rows = projects.Select(project =>
        {
            var own = entries[project.Id];
            var periodReport = KpiEngine.Evaluate(KpiInput.ForPeriod(year, year.Periods, period, own));
            var cumulative = KpiEngine.Evaluate(KpiInput.CumulativeThrough(year, year.Periods, period, own));
            var form = forms.GetValueOrDefault(project.Id);
            return new ProjectKpi(project, periodReport.Figures, cumulative.Figures, targets.GetValueOrDefault(project.Id), form?.State,
                form?.ExtendedUntil);
        }).ToList();
        return new PeriodKpiSet(year, period, rows, entries);
    }

    /// <summary>Every project of the programme year, by 計畫編號.</summary>
    public async Task<IReadOnlyList<KpiProject>> ProjectsAsync(int year, CancellationToken cancellationToken) =>
        await db.Projects.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.Number)
            .Select(p => new KpiProject(p.Id, p.Number, p.Name, p.PrincipalInvestigatorName, p.Alliance != null ? p.Alliance.AllianceName : ""))
            .ToListAsync(cancellationToken);
}
