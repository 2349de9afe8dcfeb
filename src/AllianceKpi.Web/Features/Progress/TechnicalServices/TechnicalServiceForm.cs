using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Web.Features.Office;

namespace AllianceKpi.Web.Features.Progress.TechnicalServices;

/// <summary>技術服務's form: the amount and the date bound as text.</summary>
public sealed class TechnicalServiceForm : IEntryForm<TechnicalService, TechnicalServiceForm>
{
    public int? MemberId { get; set; }

    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "委託單位名稱最多 {1} 字")]
    public string? CounterpartyName { get; set; }

    [Required(ErrorMessage = "請輸入服務金額")]
    [MoneyText]
    public string? Amount { get; set; }

    [Required(ErrorMessage = "請輸入服務日期")]
    [DateText]
    public string? Date { get; set; }

    [Required(ErrorMessage = "請輸入服務內容")]
    [StringLength(ProgressFieldLengths.Description, ErrorMessage = "服務內容最多 {1} 字")]
    public string? Description { get; set; }

    public IFormFile? Attachment { get; set; }

    public Guid Version { get; set; }

    public const string ClientMessage = "請選擇委託的聯盟會員，或輸入委託單位名稱";

    public IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members) =>
        MemberId is { } id ? members.All(m => m.Id != id) ? [new(nameof(MemberId), ClientMessage)] : []
        : string.IsNullOrWhiteSpace(CounterpartyName) ? [new(nameof(MemberId), ClientMessage)] : [];

    public void ApplyTo(TechnicalService service)
    {
        service.MemberId = MemberId;
        service.CounterpartyName = MemberId is null ? CounterpartyName!.Trim() : null;
        service.Amount = MoneyText.Value(Amount);
        service.Date = DayText.Value(Date)!.Value;
        service.Description = Description!.Trim();
    }

    public static TechnicalServiceForm From(TechnicalService service) => new()
    {
        MemberId = service.MemberId,
        CounterpartyName = service.CounterpartyName,
        Amount = ProgressLabels.Money(service.Amount),
        Date = DateFormat.Show(service.Date),
        Description = service.Description,
        Version = service.Version,
    };
}
