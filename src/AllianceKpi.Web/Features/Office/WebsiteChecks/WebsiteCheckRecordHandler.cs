using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Websites;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.WebsiteChecks;

/// <summary>記錄網站抽查: the form for one alliance and month (the saved result when there is one), 自動檢查, and the save.</summary>
public sealed class WebsiteCheckRecordHandler(AppDbContext db, TimeProvider clock, WebsiteProbe probe)
{
    public const string MonthTakenMessage = "這個月份已有抽查紀錄（可能剛被其他人儲存），請重新載入後再修改。";

    /// <summary>The form of the month (this month when none or a wrong one is given); null when the alliance does not exist.</summary>
    public async Task<WebsiteCheckForm?> FormAsync(int projectId, string? monthText, CancellationToken cancellationToken)
    {
        var alliance = await WebsiteChecksHandler.AllianceAsync(db, projectId, cancellationToken);
        if (alliance is null)
        {
            return null;
        }
        var today = clock.TaiwanToday();
        var month = MonthText.TryParse(monthText, out var given) ? given : MonthText.Of(today);
        var saved = await db.WebsiteChecks.AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == projectId && c.Month == month, cancellationToken);
        var form = saved is null ? new WebsiteCheckForm { Month = MonthText.Show(month), CheckedOn = DateFormat.Show(today) } : WebsiteCheckForm.From(saved);
        form.Alliance = alliance;
        return form;
    }

    /// <summary>Fills the alliance part of a posted form; false when the alliance does not exist.</summary>
    public async Task<bool> FillAsync(int projectId, WebsiteCheckForm form, CancellationToken cancellationToken)
    {
        var alliance = await WebsiteChecksHandler.AllianceAsync(db, projectId, cancellationToken);
        form.Alliance = alliance ?? WebsiteAlliance.None;
        return alliance is not null;
    }

    /// <summary>Tries the alliance's website and pre-fills the form with what was found.</summary>
    public async Task ProbeAsync(WebsiteCheckForm form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Alliance.Website))
        {
            form.ProbeMessage = "這個聯盟尚未填寫聯盟網址，無法自動檢查。";
            return;
        }
        form.Prefill(await probe.ProbeAsync(form.Alliance.Website, cancellationToken));
    }

    /// <summary>Saves the month's result (a new record, or the month's record when the form was loaded from it).</summary>
    public async Task<SaveResult> SaveAsync(int projectId, WebsiteCheckForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        MonthText.TryParse(form.Month, out var month);
        var check = await db.WebsiteChecks.FirstOrDefaultAsync(c => c.ProjectId == projectId && c.Month == month, cancellationToken);
        if (check is null)
        {
            check = new WebsiteCheck { ProjectId = projectId };
            db.WebsiteChecks.Add(check);
        }
        else if (!db.ExpectVersion(check, form.Version))
        {
            return SaveResult.Refused([new("", MonthTakenMessage)]);
        }
        form.ApplyTo(check);
        check.Url = form.Alliance.Website;
        var userId = user.UserId() ?? "";
        check.CheckedByUserId = userId;
        check.CheckedByName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? user.Identity?.Name ?? "";
        check.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var violations = check.Check();
        if (violations.Count > 0)
        {
            db.ChangeTracker.Clear();
            return SaveResult.Refused(violations);
        }
        try
        {
            return await db.TrySaveAsync(cancellationToken) ? SaveResult.Saved : SaveResult.Refused([new("", MonthTakenMessage)]);
        }
        catch (DbUpdateException)
        {
            // Another officer saved the same alliance and month in between: the unique index refused the second row.
            return SaveResult.Refused([new("", MonthTakenMessage)]);
        }
    }
}
