using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Web.Features.Office;

namespace AllianceKpi.Web.Features.Progress.Promotion;

/// <summary>聯盟推廣活動's form: the date and the count bound as text.</summary>
public sealed class PromotionForm : IEntryForm<PromotionActivity, PromotionForm>
{
    [Required(ErrorMessage = "請輸入活動名稱")]
    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "活動名稱最多 {1} 字")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "請輸入活動日期")]
    [DateText]
    public string? Date { get; set; }

    [Required(ErrorMessage = "請輸入活動地點")]
    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "活動地點最多 {1} 字")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "請輸入參與人數")]
    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? Participants { get; set; }

    public IFormFile? Attachment { get; set; }

    public Guid Version { get; set; }

    /// <summary>Nothing beyond the attributes; the kind names no member.</summary>
    public IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members) => [];

    public void ApplyTo(PromotionActivity activity)
    {
        activity.Name = Name!.Trim();
        activity.Date = DayText.Value(Date)!.Value;
        activity.Place = Place!.Trim();
        activity.Participants = CountText.Value(Participants);
    }

    public static PromotionForm From(PromotionActivity activity) => new()
    {
        Name = activity.Name,
        Date = DateFormat.Show(activity.Date),
        Place = activity.Place,
        Participants = activity.Participants.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Version = activity.Version,
    };
}
