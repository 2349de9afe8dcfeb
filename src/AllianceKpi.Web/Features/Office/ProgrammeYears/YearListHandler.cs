using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.ProgrammeYears;

public sealed record PeriodRow(
    int Id, string Name, string KindLabel, DateOnly OpensOn, DateOnly Deadline, ReportingPeriodState State, string StateLabel, string? DateNote);

public sealed record YearRow(
    int Id, int Year, int RocYear, string ProjectWindow, string IncomeWindow, string CooperationWindow, string TechTransferWindow,
    DateOnly MemberCutoff, IReadOnlyList<PeriodRow> Periods, bool CanAddPeriod);

public sealed record YearListViewModel(IReadOnlyList<YearRow> Years);

/// <summary>年度與綜整表: every programme year with its windows and reporting periods, newest first.</summary>
public sealed class YearListHandler(AppDbContext db, TimeProvider clock)
{
    public async Task<YearListViewModel> ListAsync(CancellationToken cancellationToken)
    {
        var today = clock.TaiwanToday();
        var years = await db.ProgrammeYears.AsNoTracking()
            .Include(y => y.Periods)
            .OrderByDescending(y => y.Year)
            .ToListAsync(cancellationToken);
        return new YearListViewModel(years.Select(y => ToRow(y, today)).ToList());
    }

    private static YearRow ToRow(ProgrammeYear year, DateOnly today)
    {
        var periods = year.Periods
            .OrderBy(p => p.Kind)
            .Select(p => new PeriodRow(
                p.Id, p.Name, PeriodLabels.Kind(p.Kind), p.OpensOn, p.Deadline, p.State, PeriodLabels.State(p.State), PeriodLabels.DateNote(p, today)))
            .ToList();
        var projectWindow = Window(year.ProjectStart, year.ProjectEnd);
        return new YearRow(
            year.Id, year.Year, year.RocYear, projectWindow, Window(year.IncomeStart, year.IncomeEnd),
            Window(year.CooperationStart, year.CooperationEnd), projectWindow, year.MemberCutoff,
            periods, periods.Count < PeriodLabels.Kinds.Count);
    }

    private static string Window(DateOnly start, DateOnly end) => $"{DateFormat.Show(start)}~{DateFormat.Show(end)}";
}
