using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Content;

namespace AllianceKpi.Web.Features.Office.OfficeNews;

public sealed class NewsForm
{
    private string? _body;

    public Guid Version { get; set; }

    [Display(Name = "標題")]
    [Required(ErrorMessage = "請輸入標題。")]
    [StringLength(NewsItem.MaxTitleLength, ErrorMessage = "標題最多 200 個字。")]
    public string? Title { get; set; }

    /// <summary>Line breaks are kept as \n, so that a break counts as one character, as the page's counter shows it.</summary>
    [Display(Name = "內容")]
    [Required(ErrorMessage = "請輸入內容。")]
    [StringLength(NewsItem.MaxBodyLength, ErrorMessage = "內容最多 4000 個字。")]
    public string? Body
    {
        get => _body;
        set => _body = value?.Replace("\r\n", "\n");
    }

    [Display(Name = "發布日期")]
    [Required(ErrorMessage = "請輸入發布日期。"), DateText]
    public string? PublishedOn { get; set; }

    [Display(Name = "置頂")]
    public bool IsPinned { get; set; }

    public static NewsForm From(NewsItem item) => new()
    {
        Version = item.Version,
        Title = item.Title,
        Body = item.Body,
        PublishedOn = DateFormat.Show(item.PublishedOn),
        IsPinned = item.IsPinned,
    };

    public void ApplyTo(NewsItem item)
    {
        item.Title = Title!.Trim();
        item.Body = Body!.Trim();
        item.PublishedOn = DateTextAttribute.Day(PublishedOn);
        item.IsPinned = IsPinned;
    }
}
