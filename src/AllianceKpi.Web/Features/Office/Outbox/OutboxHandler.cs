using System.Globalization;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Email;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.Outbox;

public sealed record OutboxRow(int Id, string To, string Subject, string? Link, DateTime CreatedAt, DateTime? SentAt, int Attempts, string? LastError)
{
    /// <summary>Taiwan time (UTC+8, no daylight saving), as 2021/10/31 14:05.</summary>
    public static string Show(DateTime utc) => utc.AddHours(8).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    public string CreatedText => Show(CreatedAt);
    public string? SentText => SentAt is { } sent ? Show(sent) : null;
}

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, int Page, int PageCount, int Total, bool SmtpConfigured);

/// <summary>The portal's e-mails, newest first, fifty a page.</summary>
public sealed class OutboxHandler(AppDbContext db, IOptions<SmtpSettings> smtp)
{
    public const int PageSize = 50;

    public async Task<OutboxPage> PageAsync(int page, CancellationToken cancellationToken)
    {
        var total = await db.Outbox.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await db.Outbox.AsNoTracking()
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new OutboxRow(e.Id, e.To, e.Subject, e.Link, e.CreatedAt, e.SentAt, e.Attempts, e.LastError))
            .ToListAsync(cancellationToken);
        return new OutboxPage(rows, page, pageCount, total, smtp.Value.IsConfigured);
    }
}
