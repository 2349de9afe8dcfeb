using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Websites;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.WebsiteChecks;

public sealed record CheckResult(DateOnly Month, bool Opens, bool UpdatedRecently, bool ShowsGrantNotice, DateOnly CheckedOn, string CheckedByName);

public sealed record WebsiteCheckRow(WebsiteAlliance Alliance, ProjectStatus Status, CheckResult? ThisMonth, CheckResult? Latest);

public sealed record WebsiteChecksList(DateOnly Month, string? MonthError, IReadOnlyList<WebsiteCheckRow> Rows)
{
    public int Checked => Rows.Count(r => r.ThisMonth is not null);
}

public sealed record WebsiteCheckHistoryRow(CheckResult Result, string? Url, DateOnly? LastUpdatedOn, string? Note, string? ProbeSummary);

public sealed record WebsiteCheckHistory(WebsiteAlliance Alliance, IReadOnlyList<WebsiteCheckHistoryRow> Rows);

/// <summary>網站抽查: every alliance with its address and its result for a month; one alliance's history.</summary>
public sealed class WebsiteChecksHandler(AppDbContext db, TimeProvider clock)
{
    public DateOnly ThisMonth() => MonthText.Of(clock.TaiwanToday());

    public async Task<WebsiteChecksList> ListAsync(string? monthText, CancellationToken cancellationToken)
    {
        var valid = MonthText.TryParse(monthText, out var month);
        if (!valid)
        {
            month = ThisMonth();
        }
        var alliances = await AlliancesQuery().ToListAsync(cancellationToken);
        var checks = await db.WebsiteChecks.AsNoTracking()
            .Where(c => c.Month <= month)
            .Select(c => new { c.ProjectId, Result = new CheckResult(c.Month, c.Opens, c.UpdatedRecently, c.ShowsGrantNotice, c.CheckedOn, c.CheckedByName) })
            .ToListAsync(cancellationToken);
        var latest = checks.GroupBy(c => c.ProjectId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Result.Month)!.Result);
        var rows = alliances
            .Select(a =>
            {
                var last = latest.GetValueOrDefault(a.Alliance.ProjectId);
                return new WebsiteCheckRow(a.Alliance, a.Status, last?.Month == month ? last : null, last);
            })
            .ToList();
        var error = valid || string.IsNullOrWhiteSpace(monthText) ? null : MonthTextAttribute.Message;
        return new WebsiteChecksList(month, error, rows);
    }

    public async Task<WebsiteCheckHistory?> HistoryAsync(int projectId, CancellationToken cancellationToken)
    {
        var alliance = await AllianceAsync(db, projectId, cancellationToken);
        if (alliance is null)
        {
            return null;
        }
        var rows = await db.WebsiteChecks.AsNoTracking()
            .Where(c => c.ProjectId == projectId)
            .OrderByDescending(c => c.Month)
            .Select(c => new WebsiteCheckHistoryRow(
                new CheckResult(c.Month, c.Opens, c.UpdatedRecently, c.ShowsGrantNotice, c.CheckedOn, c.CheckedByName), c.Url, c.LastUpdatedOn, c.Note, c.ProbeSummary))
            .ToListAsync(cancellationToken);
        return new WebsiteCheckHistory(alliance, rows);
    }

    /// <summary>A project that has alliance settings, as the website checks show it; null when there is none.</summary>
    public static Task<WebsiteAlliance?> AllianceAsync(AppDbContext db, int projectId, CancellationToken cancellationToken) =>
        db.Projects.AsNoTracking()
            .Where(p => p.Id == projectId && p.Alliance != null)
            .Select(p => new WebsiteAlliance(p.Id, p.Number, p.Alliance!.AllianceName, p.Alliance.Website))
            .FirstOrDefaultAsync(cancellationToken);

    private IQueryable<AllianceRow> AlliancesQuery() =>
        db.Projects.AsNoTracking()
            .Where(p => p.Alliance != null)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Number)
            .Select(p => new AllianceRow(new WebsiteAlliance(p.Id, p.Number, p.Alliance!.AllianceName, p.Alliance.Website), p.Status));

    private sealed record AllianceRow(WebsiteAlliance Alliance, ProjectStatus Status);
}
