using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Office.PeriodKpi;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.Cockpit;

/// <summary>
/// 管考儀表板 of one programme year: the completion heat-map (every project × every period, extensions respected), the next
/// deadline, the KPI of a report period against the targets as charts (<see cref="CockpitCharts"/>) and the anomaly flags
/// (<see cref="Anomalies"/>). The KPI and the entries come from one <see cref="PeriodKpiHandler"/> batch.
/// </summary>
public sealed class CockpitHandler(AppDbContext db, PeriodKpiHandler kpi, TimeProvider clock)
{
    public async Task<CockpitPage> PageAsync(int? year, int? periodId, CancellationToken cancellationToken)
    {
        var years = await db.ProgrammeYears.AsNoTracking().OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(cancellationToken);
        var chosenYear = year is { } y && years.Contains(y) ? y : await DefaultYearAsync(years, cancellationToken);
        var programme = chosenYear is null ? null
            : await db.ProgrammeYears.AsNoTracking().Include(p => p.Periods).SingleAsync(p => p.Year == chosenYear, cancellationToken);
        if (programme is null)
        {
            return CockpitPage.Empty(years);
        }
        var today = clock.TaiwanToday();
        var periods = programme.Periods.OrderBy(p => p.Kind).ThenBy(p => p.Deadline).ToList();
        var kpiPeriod = KpiPeriod(periods, periodId, today);
        var set = kpiPeriod is null ? null : await kpi.LoadAsync(kpiPeriod.Id, cancellationToken);
        var projects = set?.Projects.Select(p => p.Project).ToList() ?? (await kpi.ProjectsAsync(programme.Year, cancellationToken)).ToList();
        var rows = await HeatRowsAsync(programme, periods, projects, today, cancellationToken);
        var columns = periods.Select(Column).ToList();
        var anomalies = set is null ? [] : AnomalyRows(Anomalies.Detect(new AnomalyInput(programme, periods, set.Entries, today)), projects);
        return new CockpitPage(years, programme.Year, columns, rows, Totals(columns, rows), Next(periods, today),
            kpiPeriod is null ? null : Column(kpiPeriod), set is null ? [] : CockpitCharts.Build(set), anomalies);
    }

    /// <summary>The year of the period the office most likely means, else the latest year.</summary>
    private async Task<int?> DefaultYearAsync(List<int> years, CancellationToken cancellationToken)
    {
        if (await kpi.DefaultPeriodIdAsync(cancellationToken) is { } id)
        {
            return await db.ReportingPeriods.Where(p => p.Id == id).Select(p => p.ProgrammeYear!.Year).SingleAsync(cancellationToken);
        }
        return years.Count == 0 ? null : years[0];
    }

    /// <summary>The chosen report period of the year, else the latest one already opened, else the first one.</summary>
    private static ReportingPeriod? KpiPeriod(List<ReportingPeriod> periods, int? periodId, DateOnly today)
    {
        var reports = periods.Where(p => p.Kind != ReportingPeriodKind.ExpectedResults).ToList();
        return reports.FirstOrDefault(p => p.Id == periodId)
               ?? reports.LastOrDefault(p => p.State != ReportingPeriodState.Planned && p.OpensOn <= today)
               ?? reports.FirstOrDefault();
    }

    private sealed record FormStatus(int ProjectId, int PeriodId, FormState State, DateOnly? ExtendedUntil);

    private async Task<List<HeatRow>> HeatRowsAsync(ProgrammeYear programme, List<ReportingPeriod> periods, IReadOnlyList<KpiProject> projects,
        DateOnly today, CancellationToken cancellationToken)
    {
        var periodIds = periods.Select(p => p.Id).ToList();
        var expectedPeriod = periods.FirstOrDefault(p => p.Kind == ReportingPeriodKind.ExpectedResults)?.Id ?? 0;
        var forms = await db.EvaluationForms.AsNoTracking().Where(f => periodIds.Contains(f.ReportingPeriodId))
            .Select(f => new FormStatus(f.ProjectId, f.ReportingPeriodId, f.State, f.ExtendedUntil)).ToListAsync(cancellationToken);
        forms.AddRange(await db.ExpectedResults.AsNoTracking().Where(f => f.Year == programme.Year)
            .Select(f => new FormStatus(f.ProjectId, expectedPeriod, f.State, f.ExtendedUntil)).ToListAsync(cancellationToken));
        var byCell = forms.ToDictionary(f => (f.ProjectId, f.PeriodId));
        return projects.Select(project => new HeatRow(project, periods.Select(period =>
        {
            var form = byCell.GetValueOrDefault((project.Id, period.Id));
            var completion = Completions.Of(form?.State, SubmissionWindow.Of(period, form?.ExtendedUntil), today);
            var slug = period.Kind == ReportingPeriodKind.ExpectedResults ? "expected-results" : "evaluation";
            return new HeatCell(period.Id, completion, form?.ExtendedUntil, form is null ? null : $"/office/review/{slug}/{project.Id}/{period.Id}");
        }).ToList())).ToList();
    }

    private static CockpitPeriod Column(ReportingPeriod period) =>
        new(period.Id, period.Name, ProgressContext.ShortName(period.Name), period.OpensOn, period.Deadline,
            period.Kind != ReportingPeriodKind.ExpectedResults);

    private static List<HeatTotal> Totals(List<CockpitPeriod> columns, List<HeatRow> rows) =>
        columns.Select((column, index) => new HeatTotal(column.Id,
            rows.Count(r => r.Cells[index].Completion is Completion.Submitted or Completion.Accepted),
            rows.Count(r => r.Cells[index].Completion == Completion.Overdue), rows.Count)).ToList();

    /// <summary>The nearest deadline from today on among the periods that are not merely planned.</summary>
    private static NextDeadline? Next(List<ReportingPeriod> periods, DateOnly today) =>
        periods.Where(p => p.State != ReportingPeriodState.Planned && p.Deadline >= today).MinBy(p => p.Deadline) is { } next
            ? new NextDeadline(next.Name, next.Deadline, next.Deadline.DayNumber - today.DayNumber)
            : null;

    private static List<AnomalyRow> AnomalyRows(IReadOnlyList<Anomaly> anomalies, IReadOnlyList<KpiProject> projects)
    {
        var numbers = projects.ToDictionary(p => p.Id, p => p.Number);
        return anomalies.Select(a => new AnomalyRow(KindLabel(a.Kind), a.Message, a.Sites.Select(site =>
        {
            var number = numbers.GetValueOrDefault(site.ProjectId, site.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var progress = $"/projects/{site.ProjectId}/progress/{site.PeriodId}";
            if (site is { Kind: { } kind, EntryId: { } id })
            {
                var info = ProgressKinds.All.First(k => k.Kind == kind);
                return new AnomalyLink($"{number}（{info.Label}）", $"{progress}/{info.Slug}/{id}/edit");
            }
            return new AnomalyLink($"{number}（工作進度）", progress);
        }).ToList())).ToList();
    }

    public static string KindLabel(AnomalyKind kind) => kind switch
    {
        AnomalyKind.SharedCompany => "同一公司為多個聯盟會員",
        AnomalyKind.ContractEndsJustBeforeCutoff => "契約於管考截止日前 7 日內到期",
        AnomalyKind.IncomeOnLastDay => "收入日期為認列期間最後一天",
        AnomalyKind.NoEntriesInOpenPeriod => "開放期間尚無工作進度",
        _ => kind.ToString(),
    };
}
