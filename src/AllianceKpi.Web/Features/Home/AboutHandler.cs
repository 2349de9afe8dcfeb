using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Home;

public sealed record PeriodDates(string Name, DateOnly OpensOn, DateOnly Deadline);

/// <summary>The settings of the latest programme year, shown beside the seed's schedule; null when no year exists yet.</summary>
public sealed record CurrentYear(
    int Year, int RocYear, string ProjectWindowRoc, string IncomeWindow, string CooperationWindow, DateOnly MemberCutoff, IReadOnlyList<PeriodDates> Periods);

public sealed record AboutViewModel(CurrentYear? Current);

public sealed class AboutHandler(AppDbContext db)
{
    public async Task<AboutViewModel> AboutAsync(CancellationToken cancellationToken)
    {
        var year = await db.ProgrammeYears.AsNoTracking()
            .Include(y => y.Periods)
            .OrderByDescending(y => y.Year)
            .FirstOrDefaultAsync(cancellationToken);
        if (year is null)
        {
            return new AboutViewModel(null);
        }
        var periods = year.Periods
            .OrderBy(p => p.Kind)
            .Select(p => new PeriodDates(p.Name, p.OpensOn, p.Deadline))
            .ToList();
        return new AboutViewModel(new CurrentYear(
            year.Year,
            year.RocYear,
            $"{DateFormat.ShowRoc(year.ProjectStart)}～{DateFormat.ShowRoc(year.ProjectEnd)}",
            Window(year.IncomeStart, year.IncomeEnd),
            Window(year.CooperationStart, year.CooperationEnd),
            year.MemberCutoff,
            periods));
    }

    private static string Window(DateOnly start, DateOnly end) => $"{DateFormat.Show(start)}~{DateFormat.Show(end)}";
}
