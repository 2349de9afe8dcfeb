using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeNews;

public sealed record NewsListRow(int Id, string Title, DateOnly PublishedOn, bool IsPinned);

public sealed record NewsListViewModel(IReadOnlyList<NewsListRow> Items);

/// <summary>消息管理: news as the home page orders it, with add, edit (version-guarded) and delete.</summary>
public sealed class OfficeNewsHandler(AppDbContext db, TimeProvider clock)
{
    public async Task<NewsListViewModel> ListAsync(CancellationToken cancellationToken)
    {
        var items = await db.News.AsNoTracking()
            .Select(n => new NewsItem { Id = n.Id, Title = n.Title, PublishedOn = n.PublishedOn, IsPinned = n.IsPinned })
            .ToListAsync(cancellationToken);
        return new NewsListViewModel(NewsItem.InDisplayOrder(items).Select(n => new NewsListRow(n.Id, n.Title, n.PublishedOn, n.IsPinned)).ToList());
    }

    public NewsForm NewForm() => new() { PublishedOn = AllianceKpi.Domain.Calendar.DateFormat.Show(clock.TaiwanToday()) };

    public async Task<SaveResult> CreateAsync(NewsForm form, CancellationToken cancellationToken)
    {
        var item = new NewsItem();
        form.ApplyTo(item);
        db.News.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved;
    }

    public async Task<NewsForm?> EditFormAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.News.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        return item is null ? null : NewsForm.From(item);
    }

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) => db.News.AnyAsync(n => n.Id == id, cancellationToken);

    public async Task<SaveResult> UpdateAsync(int id, NewsForm form, CancellationToken cancellationToken)
    {
        var item = await db.News.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (item is null)
        {
            return SaveResult.NotFound;
        }
        if (!db.ExpectVersion(item, form.Version))
        {
            return SaveResult.Conflict;
        }
        form.ApplyTo(item);
        return await db.TrySaveAsync(cancellationToken) ? SaveResult.Saved : SaveResult.Conflict;
    }

    /// <summary>Deletes the item; returns its title, or null when it does not exist.</summary>
    public async Task<string?> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.News.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (item is null)
        {
            return null;
        }
        db.News.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return item.Title;
    }
}
