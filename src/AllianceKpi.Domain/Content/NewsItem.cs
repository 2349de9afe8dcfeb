using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Content;

/// <summary>最新消息: a news item on the public home page.</summary>
public class NewsItem : IVersioned
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 4000;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateOnly PublishedOn { get; set; }
    public bool IsPinned { get; set; }
    public Guid Version { get; set; }

    /// <summary>Pinned first, then newest first.</summary>
    public static IEnumerable<NewsItem> InDisplayOrder(IEnumerable<NewsItem> items) =>
        items.OrderByDescending(n => n.IsPinned).ThenByDescending(n => n.PublishedOn).ThenByDescending(n => n.Id);
}

/// <summary>One Q&amp;A entry.</summary>
public class QaEntry : IVersioned
{
    public const int MaxQuestionLength = 500;
    public const int MaxAnswerLength = 4000;

    public int Id { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public int SortOrder { get; set; }
    public Guid Version { get; set; }
}
