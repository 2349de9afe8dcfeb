using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Web.Features.Office;

namespace AllianceKpi.Web.Features.Progress.TechTransfers;

/// <summary>衍生技轉's form: the amount and the signing day bound as text.</summary>
public sealed class TechTransferForm : IEntryForm<TechTransfer, TechTransferForm>
{
    [Required(ErrorMessage = "請輸入技轉名稱")]
    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "技轉名稱最多 {1} 字")]
    public string? Name { get; set; }

    public int? MemberId { get; set; }

    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "技轉對象名稱最多 {1} 字")]
    public string? CounterpartyName { get; set; }

    [Required(ErrorMessage = "請輸入技轉金額")]
    [MoneyText]
    public string? Amount { get; set; }

    [Required(ErrorMessage = "請輸入簽約日期")]
    [DateText]
    public string? SignedOn { get; set; }

    public IFormFile? Attachment { get; set; }

    public Guid Version { get; set; }

    public const string LicenseeMessage = "請選擇技轉的聯盟會員，或輸入技轉對象名稱";

    public IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members) =>
        MemberId is { } id ? members.All(m => m.Id != id) ? [new(nameof(MemberId), LicenseeMessage)] : []
        : string.IsNullOrWhiteSpace(CounterpartyName) ? [new(nameof(MemberId), LicenseeMessage)] : [];

    public void ApplyTo(TechTransfer transfer)
    {
        transfer.Name = Name!.Trim();
        transfer.MemberId = MemberId;
        transfer.CounterpartyName = MemberId is null ? CounterpartyName!.Trim() : null;
        transfer.Amount = MoneyText.Value(Amount);
        transfer.SignedOn = DayText.Value(SignedOn)!.Value;
    }

    public static TechTransferForm From(TechTransfer transfer) => new()
    {
        Name = transfer.Name,
        MemberId = transfer.MemberId,
        CounterpartyName = transfer.CounterpartyName,
        Amount = ProgressLabels.Money(transfer.Amount),
        SignedOn = DateFormat.Show(transfer.SignedOn),
        Version = transfer.Version,
    };
}
