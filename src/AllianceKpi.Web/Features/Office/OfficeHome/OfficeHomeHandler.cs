using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeHome;

public sealed record ProjectYearCount(int Year, int Total, int Running, int Ended, int Rejected);

public sealed record OpenPeriodRow(int Id, int Year, string Name, DateOnly Deadline, int DaysLeft, string DaysLeftText);

public sealed record OfficeHomeViewModel(
    DateOnly Today, IReadOnlyList<ProjectYearCount> ProjectsPerYear, IReadOnlyList<OpenPeriodRow> OpenPeriods, int UnsentEmails);

public sealed class OfficeHomeHandler(AppDbContext db, TimeProvider clock)
{
    public async Task<OfficeHomeViewModel> HomeAsync(CancellationToken cancellationToken)
    {
        var today = clock.TaiwanToday();
        var perYear = await db.Projects.AsNoTracking()
            .GroupBy(p => p.Year)
            .Select(g => new ProjectYearCount(
                g.Key,
                g.Count(),
                g.Count(p => p.Status == ProjectStatus.Running),
                g.Count(p => p.Status == ProjectStatus.Ended),
                g.Count(p => p.Status == ProjectStatus.Rejected)))
            .ToListAsync(cancellationToken);
        var open = await db.ReportingPeriods.AsNoTracking()
            .Where(p => p.State == ReportingPeriodState.Open)
            .Select(p => new { p.Id, p.ProgrammeYear!.Year, p.Name, p.Deadline })
            .ToListAsync(cancellationToken);
        var unsent = await db.Outbox.CountAsync(e => e.SentAt == null, cancellationToken);
        var openRows = open
            .Select(p => new OpenPeriodRow(p.Id, p.Year, p.Name, p.Deadline, p.Deadline.DayNumber - today.DayNumber, PeriodLabels.DaysLeft(p.Deadline, today)))
            .OrderBy(p => p.Deadline).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new OfficeHomeViewModel(today, perYear.OrderByDescending(y => y.Year).ToList(), openRows, unsent);
    }
}
