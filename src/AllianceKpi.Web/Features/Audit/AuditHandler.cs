using AllianceKpi.Domain.Audit;
using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Audit;

/// <summary>One changed field as the page shows it: its zh-TW name, and its values as the form shows them.</summary>
public sealed record AuditLine(string Field, string Label, string? Before, string? After);

public sealed record AuditRow(DateTime At, string Who, string Record, int RecordId, AuditAction Action, IReadOnlyList<AuditLine> Changes);

public sealed record AuditPage(int ProjectId, string ProjectNumber, string ProjectName, string? RecordFilter, int Page, int PageCount,
    int Total, IReadOnlyList<AuditRow> Rows)
{
    public const int PageSize = 50;
}

/// <summary>異動紀錄 of one project: every change of its entries and forms, newest first, 50 to a page; optionally one kind of record.</summary>
public sealed class AuditHandler(AppDbContext db)
{
    public async Task<AuditPage?> PageAsync(int projectId, string? record, int page, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Number, p.Name }).FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return null;
        }
        var query = db.AuditEntries.AsNoTracking().Where(a => a.ProjectId == projectId);
        if (!string.IsNullOrEmpty(record))
        {
            query = query.Where(a => a.EntityType == record);
        }
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + AuditPage.PageSize - 1) / AuditPage.PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * AuditPage.PageSize).Take(AuditPage.PageSize).ToListAsync(cancellationToken);
        var userIds = entries.Select(e => e.UserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var changes = entries.ToDictionary(e => e.Id, e => AuditTrail.Read(e.Changes));
        var names = await NamesAsync(projectId, project.Number, changes.Values.SelectMany(c => c).ToList(), cancellationToken);
        string? Shown(string entityType, string field, string? raw) =>
            raw is not null && References.Contains(field) && int.TryParse(raw, out var key)
                ? names.GetValueOrDefault((field, key), key < 0 ? "（未記錄）" : $"#{key}")
                : AuditLabels.Value(entityType, field, raw);
        var rows = entries.Select(e => new AuditRow(
                e.At,
                e.UserId is { } id && users.TryGetValue(id, out var user) ? $"{user.DisplayName}（{user.Email}）" : "系統",
                AuditLabels.Record(e.EntityType),
                e.EntityId,
                e.Action,
                changes[e.Id].Select(c => new AuditLine(c.Field, AuditLabels.Field(c.Field),
                    Shown(e.EntityType, c.Field, c.Before), Shown(e.EntityType, c.Field, c.After))).ToList()))
            .ToList();
        return new AuditPage(projectId, project.Number, project.Name, record, page, pageCount, total, rows);
    }

    /// <summary>
    /// The fields that hold another record's id; the page shows that record's name (or #id once it is gone). Rows written
    /// before a file's real key was awaited may hold EF's temporary (negative) key: 未記錄.
    /// </summary>
    private static readonly HashSet<string> References = ["ProjectId", "ReportingPeriodId", "MemberId", "AttachmentId"];

    /// <summary>The names of the records this page's changes point at, read in one query per kind, within this project.</summary>
    private async Task<Dictionary<(string Field, int Id), string>> NamesAsync(int projectId, string projectNumber,
        IReadOnlyList<AuditChange> changes, CancellationToken cancellationToken)
    {
        List<int> Ids(string field) => changes.Where(c => c.Field == field)
            .SelectMany(c => new[] { c.Before, c.After })
            .Select(v => int.TryParse(v, out var id) ? id : (int?)null).OfType<int>().Distinct().ToList();
        var names = new Dictionary<(string, int), string> { [("ProjectId", projectId)] = projectNumber };
        if (Ids("ReportingPeriodId") is { Count: > 0 } periods)
        {
            foreach (var p in await db.ReportingPeriods.AsNoTracking().Where(p => periods.Contains(p.Id))
                         .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            {
                names[("ReportingPeriodId", p.Id)] = p.Name;
            }
        }
        if (Ids("MemberId") is { Count: > 0 } members)
        {
            foreach (var m in await db.AllianceMembers.AsNoTracking().Where(m => m.ProjectId == projectId && members.Contains(m.Id))
                         .Select(m => new { m.Id, m.CompanyName }).ToListAsync(cancellationToken))
            {
                names[("MemberId", m.Id)] = m.CompanyName;
            }
        }
        if (Ids("AttachmentId") is { Count: > 0 } files)
        {
            foreach (var a in await db.Attachments.AsNoTracking().Where(a => a.ProjectId == projectId && files.Contains(a.Id))
                         .Select(a => new { a.Id, a.OriginalName }).ToListAsync(cancellationToken))
            {
                names[("AttachmentId", a.Id)] = a.OriginalName;
            }
        }
        return names;
    }
}
