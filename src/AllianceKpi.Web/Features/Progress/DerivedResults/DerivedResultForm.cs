using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Web.Features.Office;

namespace AllianceKpi.Web.Features.Progress.DerivedResults;

/// <summary>協助聯盟會員衍生成果's form: the date bound as text; a granted patent needs its number.</summary>
public sealed class DerivedResultForm : IEntryForm<DerivedResult, DerivedResultForm>
{
    [Required(ErrorMessage = "請選擇成果類別")]
    public DerivedResultKind? Kind { get; set; }

    public int? MemberId { get; set; }

    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "公司名稱最多 {1} 字")]
    public string? CounterpartyName { get; set; }

    [Required(ErrorMessage = "請輸入成果名稱")]
    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "成果名稱最多 {1} 字")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "請輸入成果日期")]
    [DateText]
    public string? Date { get; set; }

    [StringLength(ProgressFieldLengths.PatentNumber, ErrorMessage = "專利證書號最多 {1} 字")]
    public string? PatentNumber { get; set; }

    public IFormFile? Attachment { get; set; }

    public Guid Version { get; set; }

    public const string CompanyMessage = "請選擇聯盟會員公司，或輸入公司名稱";
    public const string PatentNumberMessage = "專利獲證請輸入專利證書號";

    public IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members)
    {
        var violations = new List<DomainViolation>();
        if (MemberId is { } id ? members.All(m => m.Id != id) : string.IsNullOrWhiteSpace(CounterpartyName))
        {
            violations.Add(new(nameof(MemberId), CompanyMessage));
        }
        if (Kind == DerivedResultKind.PatentGranted && string.IsNullOrWhiteSpace(PatentNumber))
        {
            violations.Add(new(nameof(PatentNumber), PatentNumberMessage));
        }
        return violations;
    }

    public void ApplyTo(DerivedResult result)
    {
        result.Kind = Kind!.Value;
        result.MemberId = MemberId;
        result.CounterpartyName = MemberId is null ? CounterpartyName!.Trim() : null;
        result.Title = Title!.Trim();
        result.Date = DayText.Value(Date)!.Value;
        result.PatentNumber = string.IsNullOrWhiteSpace(PatentNumber) ? null : PatentNumber.Trim();
    }

    public static DerivedResultForm From(DerivedResult result) => new()
    {
        Kind = result.Kind,
        MemberId = result.MemberId,
        CounterpartyName = result.CounterpartyName,
        Title = result.Title,
        Date = DateFormat.Show(result.Date),
        PatentNumber = result.PatentNumber,
        Version = result.Version,
    };
}
