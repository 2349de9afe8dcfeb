using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Web.Features.Office;

namespace AllianceKpi.Web.Features.Progress.Cooperation;

/// <summary>衍生產學合作計畫(已簽訂合約)'s form: the budget and the dates bound as text.</summary>
public sealed class CooperationForm : IEntryForm<CooperationProject, CooperationForm>
{
    [Required(ErrorMessage = "請輸入計畫名稱")]
    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "計畫名稱最多 {1} 字")]
    public string? Name { get; set; }

    public int? MemberId { get; set; }

    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "合作廠商名稱最多 {1} 字")]
    public string? CounterpartyName { get; set; }

    [Required(ErrorMessage = "請輸入計畫經費")]
    [MoneyText]
    public string? Budget { get; set; }

    [Required(ErrorMessage = "請選擇計畫經費填報方式")]
    public BudgetBasis? BudgetBasis { get; set; } = Domain.Progress.BudgetBasis.Total;

    public bool ReceiptIncluded { get; set; }

    [Required(ErrorMessage = "請輸入計畫來源")]
    [StringLength(ProgressFieldLengths.Source, ErrorMessage = "計畫來源最多 {1} 字")]
    public string? Source { get; set; }

    [Required(ErrorMessage = "請輸入計畫執行起始日期")]
    [DateText]
    public string? StartDate { get; set; }

    [Required(ErrorMessage = "請輸入計畫執行截止日期")]
    [DateText]
    public string? EndDate { get; set; }

    public bool SignedByPrincipalInvestigator { get; set; } = true;

    public IFormFile? Attachment { get; set; }

    public Guid Version { get; set; }

    public const string PartnerMessage = "請選擇合作的聯盟會員，或輸入合作廠商名稱";

    public IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members)
    {
        var violations = new List<DomainViolation>();
        if (MemberId is { } id ? members.All(m => m.Id != id) : string.IsNullOrWhiteSpace(CounterpartyName))
        {
            violations.Add(new(nameof(MemberId), PartnerMessage));
        }
        if (DayText.Value(StartDate) is { } start && DayText.Value(EndDate) is { } end && end < start)
        {
            violations.Add(new(nameof(EndDate), $"計畫執行截止日期 {DateFormat.Show(end)} 不可早於起始日期 {DateFormat.Show(start)}"));
        }
        return violations;
    }

    public void ApplyTo(CooperationProject project)
    {
        project.Name = Name!.Trim();
        project.MemberId = MemberId;
        project.CounterpartyName = MemberId is null ? CounterpartyName!.Trim() : null;
        project.Budget = MoneyText.Value(Budget);
        project.BudgetBasis = BudgetBasis!.Value;
        project.ReceiptIncluded = BudgetBasis == Domain.Progress.BudgetBasis.ReceivedThisYear && ReceiptIncluded;
        project.Source = Source!.Trim();
        project.StartDate = DayText.Value(StartDate)!.Value;
        project.EndDate = DayText.Value(EndDate)!.Value;
        project.SignedByPrincipalInvestigator = SignedByPrincipalInvestigator;
    }

    public static CooperationForm From(CooperationProject project) => new()
    {
        Name = project.Name,
        MemberId = project.MemberId,
        CounterpartyName = project.CounterpartyName,
        Budget = ProgressLabels.Money(project.Budget),
        BudgetBasis = project.BudgetBasis,
        ReceiptIncluded = project.ReceiptIncluded,
        Source = project.Source,
        StartDate = DateFormat.Show(project.StartDate),
        EndDate = DateFormat.Show(project.EndDate),
        SignedByPrincipalInvestigator = project.SignedByPrincipalInvestigator,
        Version = project.Version,
    };
}
