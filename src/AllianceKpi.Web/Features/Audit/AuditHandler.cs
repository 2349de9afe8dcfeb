using AllianceKpi.Domain.Audit;
using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Audit;

public sealed record AuditRow(DateTime At, string Who, string Record, int RecordId, AuditAction Action, IReadOnlyList<AuditChange> Changes);

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
        var rows = entries.Select(e => new AuditRow(
                e.At,
                e.UserId is { } id && users.TryGetValue(id, out var user) ? $"{user.DisplayName}（{user.Email}）" : "系統",
                AuditLabels.Record(e.EntityType),
                e.EntityId,
                e.Action,
                AuditTrail.Read(e.Changes)))
            .ToList();
        return new AuditPage(projectId, project.Number, project.Name, record, page, pageCount, total, rows);
    }
}
