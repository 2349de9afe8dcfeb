using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Web.Features.Office;

namespace AllianceKpi.Web.Features.Progress.Income;

/// <summary>聯盟營運收入's form: amounts in 仟元 and the date bound as text.</summary>
public sealed class IncomeForm : IEntryForm<OperatingIncome, IncomeForm>
{
    [MoneyText]
    public string? MembershipFee { get; set; }

    [MoneyText]
    public string? TechnicalServiceFee { get; set; }

    [MoneyText]
    public string? OtherIncome { get; set; }

    [Required(ErrorMessage = "請選擇其它收入性質")]
    public OtherIncomeNature? OtherIncomeNature { get; set; } = Domain.Progress.OtherIncomeNature.Ordinary;

    public int? MemberId { get; set; }

    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "非會員名稱最多 {1} 字")]
    public string? CounterpartyName { get; set; }

    [Required(ErrorMessage = "請輸入會計核定日期")]
    [DateText]
    public string? AccountingDate { get; set; }

    public IFormFile? Attachment { get; set; }

    public Guid Version { get; set; }

    public const string AtLeastOneMessage = "會員費收入、技術服務收入、其它收入至少一項須大於 0";
    public const string PayerMessage = "請選擇付款的聯盟會員，或輸入非會員的名稱";

    public IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members)
    {
        var violations = new List<DomainViolation>();
        if (MoneyText.Value(MembershipFee) + MoneyText.Value(TechnicalServiceFee) + MoneyText.Value(OtherIncome) <= 0)
        {
            violations.Add(new(nameof(MembershipFee), AtLeastOneMessage));
        }
        if (MemberId is { } id ? members.All(m => m.Id != id) : string.IsNullOrWhiteSpace(CounterpartyName))
        {
            violations.Add(new(nameof(MemberId), PayerMessage));
        }
        return violations;
    }

    public void ApplyTo(OperatingIncome income)
    {
        income.MembershipFee = MoneyText.Value(MembershipFee);
        income.TechnicalServiceFee = MoneyText.Value(TechnicalServiceFee);
        income.OtherIncome = MoneyText.Value(OtherIncome);
        income.OtherIncomeNature = OtherIncomeNature!.Value;
        income.MemberId = MemberId;
        income.CounterpartyName = MemberId is null ? CounterpartyName!.Trim() : null;
        income.AccountingDate = DayText.Value(AccountingDate)!.Value;
    }

    public static IncomeForm From(OperatingIncome income) => new()
    {
        MembershipFee = ProgressLabels.Money(income.MembershipFee),
        TechnicalServiceFee = ProgressLabels.Money(income.TechnicalServiceFee),
        OtherIncome = ProgressLabels.Money(income.OtherIncome),
        OtherIncomeNature = income.OtherIncomeNature,
        MemberId = income.MemberId,
        CounterpartyName = income.CounterpartyName,
        AccountingDate = DateFormat.Show(income.AccountingDate),
        Version = income.Version,
    };
}
