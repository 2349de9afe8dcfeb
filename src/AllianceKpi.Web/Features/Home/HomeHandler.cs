using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Home;

public sealed record NewsRow(int Id, string Title, DateOnly PublishedOn, bool IsPinned);

/// <summary>The home page: news, and the alliances of the latest year with approved projects (相關連結).</summary>
public sealed record HomeViewModel(IReadOnlyList<NewsRow> News, int? AllianceYear, IReadOnlyList<AllianceLink> Alliances)
{
    /// <summary>Forms the office returned to the signed-in user's projects (退回修改), shown above the news.</summary>
    public IReadOnlyList<Workflow.ReturnedForm> Returned { get; init; } = [];
}

public sealed record NewsItemViewModel(string Title, DateOnly PublishedOn, bool IsPinned, IReadOnlyList<string> BodyLines);

public sealed class HomeHandler(AppDbContext db)
{
    public async Task<HomeViewModel> HomeAsync(CancellationToken cancellationToken)
    {
        // The body is not needed for the list: load only what the domain's display order reads.
        var news = await db.News.AsNoTracking()
            .Select(n => new NewsItem { Id = n.Id, Title = n.Title, PublishedOn = n.PublishedOn, IsPinned = n.IsPinned })
            .ToListAsync(cancellationToken);
        var rows = NewsItem.InDisplayOrder(news).Select(n => new NewsRow(n.Id, n.Title, n.PublishedOn, n.IsPinned)).ToList();

        var years = await ApprovedProjects.YearsAsync(db, cancellationToken);
        if (years.Count == 0)
        {
            return new HomeViewModel(rows, null, []);
        }
        var projects = await ApprovedProjects.OfYearAsync(db, years[0], cancellationToken);
        return new HomeViewModel(rows, years[0], projects.Select(p => p.Link).ToList());
    }

    public async Task<NewsItemViewModel?> NewsAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.News.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        return item is null ? null : new NewsItemViewModel(item.Title, item.PublishedOn, item.IsPinned, TextLines.Of(item.Body));
    }
}

/// <summary>Multi-line text typed by the office, split so that views show its line breaks while Razor still escapes every line.</summary>
public static class TextLines
{
    public static IReadOnlyList<string> Of(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
}
