using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.ProgrammeYears;

/// <summary>Adds a programme year (with its standard periods) and edits its windows, guarded by the year's version.</summary>
public sealed class YearFormHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>The year after the newest one (this year when there is none), with the seed's windows shifted to it.</summary>
    public async Task<YearForm> NewFormAsync(CancellationToken cancellationToken)
    {
        var latest = await db.ProgrammeYears.MaxAsync(y => (int?)y.Year, cancellationToken);
        var next = latest + 1 ?? clock.TaiwanToday().Year;
        return YearForm.From(ProgrammeYear.WithStandardWindows(next));
    }

    public async Task<SaveResult> CreateAsync(YearForm form, CancellationToken cancellationToken)
    {
        var year = new ProgrammeYear();
        form.ApplyTo(year);
        var violations = await CheckAsync(year, cancellationToken);
        if (violations.Count > 0)
        {
            return SaveResult.Refused(violations);
        }
        foreach (var kind in StandardPeriods.CreatedWithYear)
        {
            year.Periods.Add(StandardPeriods.For(year, kind));
        }
        db.ProgrammeYears.Add(year);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved;
    }

    public async Task<YearForm?> EditFormAsync(int id, CancellationToken cancellationToken)
    {
        var year = await db.ProgrammeYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == id, cancellationToken);
        return year is null ? null : YearForm.From(year);
    }

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) =>
        db.ProgrammeYears.AnyAsync(y => y.Id == id, cancellationToken);

    public async Task<SaveResult> UpdateAsync(int id, YearForm form, CancellationToken cancellationToken)
    {
        var year = await db.ProgrammeYears.FirstOrDefaultAsync(y => y.Id == id, cancellationToken);
        if (year is null)
        {
            return SaveResult.NotFound;
        }
        if (!db.ExpectVersion(year, form.Version))
        {
            return SaveResult.Conflict;
        }
        form.ApplyTo(year);
        var violations = await CheckAsync(year, cancellationToken);
        if (violations.Count > 0)
        {
            return SaveResult.Refused(violations);
        }
        return await db.TrySaveAsync(cancellationToken) ? SaveResult.Saved : SaveResult.Conflict;
    }

    private async Task<List<DomainViolation>> CheckAsync(ProgrammeYear year, CancellationToken cancellationToken)
    {
        var violations = year.Check().ToList();
        if (await db.ProgrammeYears.AnyAsync(y => y.Year == year.Year && y.Id != year.Id, cancellationToken))
        {
            violations.Add(new(nameof(ProgrammeYear.Year), $"{year.Year} 年度已存在，請改為編輯該年度。"));
        }
        return violations;
    }
}
