using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.ReportingPeriods;

/// <summary>Adds and edits a year's reporting periods, and opens or closes them.</summary>
public sealed class ReportingPeriodsHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>Defaults for the first kind the year does not have yet; null when the year does not exist.</summary>
    public async Task<PeriodForm?> NewFormAsync(int yearId, CancellationToken cancellationToken)
    {
        var year = await db.ProgrammeYears.AsNoTracking().Include(y => y.Periods).FirstOrDefaultAsync(y => y.Id == yearId, cancellationToken);
        if (year is null)
        {
            return null;
        }
        var kind = PeriodLabels.Kinds.FirstOrDefault(k => year.Periods.All(p => p.Kind != k), ReportingPeriodKind.FinalReport);
        var form = PeriodForm.From(StandardPeriods.For(year, kind), year.Year);
        form.ProgrammeYearId = year.Id;
        return form;
    }

    public async Task<SaveResult> CreateAsync(int yearId, PeriodForm form, CancellationToken cancellationToken)
    {
        var year = await db.ProgrammeYears.Include(y => y.Periods).FirstOrDefaultAsync(y => y.Id == yearId, cancellationToken);
        if (year is null)
        {
            return SaveResult.NotFound;
        }
        var violations = new List<DomainViolation>();
        if (!Enum.IsDefined(form.Kind))
        {
            return SaveResult.Refused([new(nameof(PeriodForm.Kind), "請選擇綜整表類別。")]);
        }
        if (year.Periods.FirstOrDefault(p => p.Kind == form.Kind) is { } existing)
        {
            violations.Add(new(nameof(PeriodForm.Kind), $"{year.Year} 年度已有「{PeriodLabels.Kind(form.Kind)}」綜整表（{existing.Name}），不可重複新增。"));
        }
        var period = new ReportingPeriod { Kind = form.Kind };
        form.ApplyTo(period);
        if (string.IsNullOrWhiteSpace(period.Name))
        {
            period.Name = ReportingPeriod.StandardName(year.Year, form.Kind);
        }
        violations.AddRange(period.Check());
        if (violations.Count > 0)
        {
            return SaveResult.Refused(violations);
        }
        year.Periods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved;
    }

    public async Task<PeriodForm?> EditFormAsync(int id, CancellationToken cancellationToken)
    {
        var period = await db.ReportingPeriods.AsNoTracking().Include(p => p.ProgrammeYear).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return period is null ? null : PeriodForm.From(period, period.ProgrammeYear!.Year);
    }

    public async Task<SaveResult> UpdateAsync(int id, PeriodForm form, CancellationToken cancellationToken)
    {
        var period = await db.ReportingPeriods.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (period is null)
        {
            return SaveResult.NotFound;
        }
        if (!db.ExpectVersion(period, form.Version))
        {
            return SaveResult.Conflict;
        }
        form.ApplyTo(period);
        var violations = period.Check();
        if (!Enum.IsDefined(form.State))
        {
            violations = [.. violations, new(nameof(PeriodForm.State), "請選擇狀態。")];
        }
        if (violations.Count > 0)
        {
            return SaveResult.Refused(violations);
        }
        return await db.TrySaveAsync(cancellationToken) ? SaveResult.Saved : SaveResult.Conflict;
    }

    /// <summary>Fills what the form shows but does not post (the year; the kind when editing). False when the row is gone.</summary>
    public async Task<bool> RefillAsync(int? periodId, int? yearId, PeriodForm form, CancellationToken cancellationToken)
    {
        if (periodId is not null)
        {
            var period = await db.ReportingPeriods.AsNoTracking().Include(p => p.ProgrammeYear).FirstOrDefaultAsync(p => p.Id == periodId, cancellationToken);
            if (period is null)
            {
                return false;
            }
            (form.Kind, form.ProgrammeYearId, form.Year) = (period.Kind, period.ProgrammeYearId, period.ProgrammeYear!.Year);
            return true;
        }
        var year = await db.ProgrammeYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == yearId, cancellationToken);
        if (year is null)
        {
            return false;
        }
        (form.ProgrammeYearId, form.Year) = (year.Id, year.Year);
        return true;
    }

    /// <summary>Opens or closes a period; returns the message for the office, or null when the period does not exist.</summary>
    public async Task<string?> SetStateAsync(int id, ReportingPeriodState state, CancellationToken cancellationToken)
    {
        var period = await db.ReportingPeriods.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (period is null)
        {
            return null;
        }
        period.State = state;
        await db.SaveChangesAsync(cancellationToken);
        if (state != ReportingPeriodState.Open)
        {
            return $"「{period.Name}」已截止填報。";
        }
        var note = PeriodLabels.DateNote(period, clock.TaiwanToday());
        return note is null ? $"「{period.Name}」已開放填報。" : $"「{period.Name}」已開放填報。注意：{note}。";
    }
}
