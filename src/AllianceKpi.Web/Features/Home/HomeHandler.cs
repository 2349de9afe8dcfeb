using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Home;

public sealed record NewsRow(int Id, string Title, string Body, DateOnly PublishedOn, bool IsPinned);

public sealed record HomeViewModel(IReadOnlyList<NewsRow> News);

public sealed class HomeHandler(AppDbContext db)
{
    public async Task<HomeViewModel> HomeAsync(CancellationToken cancellationToken)
    {
        var news = await db.News.AsNoTracking().ToListAsync(cancellationToken);
        var rows = NewsItem.InDisplayOrder(news).Select(n => new NewsRow(n.Id, n.Title, n.Body, n.PublishedOn, n.IsPinned)).ToList();
        return new HomeViewModel(rows);
    }
}
