using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Web.Features.Office;

namespace AllianceKpi.Web.Features.Progress.MemberServices;

/// <summary>對聯盟會員之服務's form: the date and the counts bound as text.</summary>
public sealed class MemberServiceForm : IEntryForm<MemberService, MemberServiceForm>
{
    [Required(ErrorMessage = "請選擇服務類別")]
    public MemberServiceKind? Kind { get; set; }

    [Required(ErrorMessage = "請輸入服務日期")]
    [DateText]
    public string? Date { get; set; }

    [Required(ErrorMessage = "請輸入服務名稱")]
    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "服務名稱最多 {1} 字")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "請輸入廠商參與人數")]
    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? CompanyAttendees { get; set; }

    [Required(ErrorMessage = "請輸入服務廠商家數")]
    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? CompaniesServed { get; set; }

    public IFormFile? Attachment { get; set; }

    public Guid Version { get; set; }

    /// <summary>Nothing beyond the attributes; the kind names no member.</summary>
    public IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members) => [];

    public void ApplyTo(MemberService service)
    {
        service.Kind = Kind!.Value;
        service.Date = DayText.Value(Date)!.Value;
        service.Title = Title!.Trim();
        service.CompanyAttendees = CountText.Value(CompanyAttendees);
        service.CompaniesServed = CountText.Value(CompaniesServed);
    }

    public static MemberServiceForm From(MemberService service) => new()
    {
        Kind = service.Kind,
        Date = DateFormat.Show(service.Date),
        Title = service.Title,
        CompanyAttendees = service.CompanyAttendees.ToString(CultureInfo.InvariantCulture),
        CompaniesServed = service.CompaniesServed.ToString(CultureInfo.InvariantCulture),
        Version = service.Version,
    };
}
