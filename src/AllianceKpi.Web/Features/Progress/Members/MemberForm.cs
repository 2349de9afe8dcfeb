using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Web.Features.Office;

namespace AllianceKpi.Web.Features.Progress.Members;

/// <summary>招募聯盟會員's form. Dates and amounts are bound as text so that bad input comes back as typed.</summary>
public sealed class MemberForm : IEntryForm<AllianceMember, MemberForm>
{
    [Required(ErrorMessage = "請選擇會員類型")]
    public MemberType? Type { get; set; }

    [Required(ErrorMessage = "請選擇會員資格")]
    public MembershipBasis? Basis { get; set; }

    [Required(ErrorMessage = "請選擇產業類別")]
    public string? IndustryCode { get; set; }

    [Required(ErrorMessage = "請選擇收費或免費會員")]
    public bool? IsPaying { get; set; }

    public Region? Region { get; set; }

    [Required(ErrorMessage = "請輸入入會會員公司名稱")]
    [StringLength(ProgressFieldLengths.Name, ErrorMessage = "入會會員公司名稱最多 {1} 字")]
    public string? CompanyName { get; set; }

    public string? TaxId { get; set; }

    [Required(ErrorMessage = "請輸入入會會員負責人")]
    [StringLength(ProgressFieldLengths.Representative, ErrorMessage = "入會會員負責人最多 {1} 字")]
    public string? Representative { get; set; }

    [Required(ErrorMessage = "請選擇縣市")]
    public string? City { get; set; }

    [Required(ErrorMessage = "請輸入入會會員地址")]
    [StringLength(ProgressFieldLengths.Street, ErrorMessage = "地址最多 {1} 字")]
    public string? Street { get; set; }

    [Required(ErrorMessage = "請輸入入會會員電話")]
    [StringLength(ProgressFieldLengths.Phone, ErrorMessage = "電話最多 {1} 字")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "請輸入契約起始日")]
    [DateText]
    public string? ContractStart { get; set; }

    [Required(ErrorMessage = "請輸入契約截止日")]
    [DateText]
    public string? ContractEnd { get; set; }

    public string? CapitalBand { get; set; }
    public string? EmployeeBand { get; set; }
    public bool? InIndustrialPark { get; set; }
    public FeeMethod? FeeMethod { get; set; }

    [MoneyText]
    public string? FeeAmount { get; set; }

    public bool SignedByPrincipalInvestigator { get; set; }
    public bool RelatedToCoreTechnology { get; set; }

    public IFormFile? Attachment { get; set; }

    public Guid Version { get; set; }

    public bool NeedsCompanyDetails => Type == MemberType.Company || Basis == MembershipBasis.CooperationProject;

    public bool IsApplication => Basis == MembershipBasis.Application;

    public bool IsCooperationOrTransfer => Basis is MembershipBasis.CooperationProject or MembershipBasis.TechTransfer;

    /// <summary>The rules DataAnnotations cannot say: 統一編號 checksum, start ≤ end, fields that depend on the type or basis (a member names no member: <paramref name="members"/> is unused).</summary>
    public IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members)
    {
        var violations = new List<DomainViolation>();
        if (!string.IsNullOrWhiteSpace(IndustryCode) && IndustryClassification.Find(IndustryCode) is null)
        {
            violations.Add(new(nameof(IndustryCode), "請從清單選擇產業類別"));
        }
        if (!string.IsNullOrWhiteSpace(City) && TaiwanCities.RegionOf(City) is null)
        {
            violations.Add(new(nameof(City), "請從清單選擇縣市"));
        }
        if (!string.IsNullOrWhiteSpace(TaxId) && !Domain.Reference.TaxId.IsValid(TaxId))
        {
            violations.Add(new(nameof(TaxId), "統一編號檢查碼不正確"));
        }
        if (DayText.Value(ContractStart) is { } start && DayText.Value(ContractEnd) is { } end && end < start)
        {
            violations.Add(new(nameof(ContractEnd), $"契約截止日 {DateFormat.Show(end)} 不可早於契約起始日 {DateFormat.Show(start)}"));
        }
        if (NeedsCompanyDetails)
        {
            CheckCompanyDetails(violations);
        }
        if (IsApplication)
        {
            if (FeeMethod is null)
            {
                violations.Add(new(nameof(FeeMethod), "請選擇會費收入方式"));
            }
            if (string.IsNullOrWhiteSpace(FeeAmount))
            {
                violations.Add(new(nameof(FeeAmount), "請輸入會費金額"));
            }
        }
        return violations;
    }

    private void CheckCompanyDetails(List<DomainViolation> violations)
    {
        if (!CompanyBands.Capital.Contains(CapitalBand ?? ""))
        {
            violations.Add(new(nameof(CapitalBand), "「廠商、產學合作」會員請選擇企業規模"));
        }
        if (!CompanyBands.Employees.Contains(EmployeeBand ?? ""))
        {
            violations.Add(new(nameof(EmployeeBand), "「廠商、產學合作」會員請選擇企業員工數"));
        }
        if (InIndustrialPark is null)
        {
            violations.Add(new(nameof(InIndustrialPark), "「廠商、產學合作」會員請選擇是否位屬「工業暨產業園區」"));
        }
    }

    public void ApplyTo(AllianceMember member)
    {
        member.Type = Type!.Value;
        member.Basis = Basis!.Value;
        member.IndustryCode = IndustryClassification.Find(IndustryCode)!.Code;
        member.IsPaying = IsPaying!.Value;
        member.City = City!.Trim();
        member.Region = Region ?? TaiwanCities.RegionOf(City) ?? Domain.Reference.Region.Abroad;
        member.CompanyName = CompanyName!.Trim();
        member.TaxId = string.IsNullOrWhiteSpace(TaxId) ? null : TaxId.Trim();
        member.Representative = Representative!.Trim();
        member.Street = Street!.Trim();
        member.Phone = Phone!.Trim();
        member.ContractStart = DayText.Value(ContractStart)!.Value;
        member.ContractEnd = DayText.Value(ContractEnd)!.Value;
        var company = NeedsCompanyDetails;
        member.CapitalBand = company ? CapitalBand : null;
        member.EmployeeBand = company ? EmployeeBand : null;
        member.InIndustrialPark = company ? InIndustrialPark : null;
        member.FeeMethod = IsApplication ? FeeMethod : null;
        member.FeeAmount = IsApplication ? MoneyText.Value(FeeAmount) : null;
        member.SignedByPrincipalInvestigator = IsCooperationOrTransfer && SignedByPrincipalInvestigator;
        member.RelatedToCoreTechnology = IsCooperationOrTransfer && RelatedToCoreTechnology;
    }

    public static MemberForm From(AllianceMember member) => new()
    {
        Type = member.Type,
        Basis = member.Basis,
        IndustryCode = member.IndustryCode,
        IsPaying = member.IsPaying,
        Region = member.Region,
        CompanyName = member.CompanyName,
        TaxId = member.TaxId,
        Representative = member.Representative,
        City = member.City,
        Street = member.Street,
        Phone = member.Phone,
        ContractStart = DateFormat.Show(member.ContractStart),
        ContractEnd = DateFormat.Show(member.ContractEnd),
        CapitalBand = member.CapitalBand,
        EmployeeBand = member.EmployeeBand,
        InIndustrialPark = member.InIndustrialPark,
        FeeMethod = member.FeeMethod,
        FeeAmount = ProgressLabels.Money(member.FeeAmount),
        SignedByPrincipalInvestigator = member.SignedByPrincipalInvestigator,
        RelatedToCoreTechnology = member.RelatedToCoreTechnology,
        Version = member.Version,
    };
}
