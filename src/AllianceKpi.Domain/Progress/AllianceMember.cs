using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Domain.Progress;

/// <summary>會員類型. 研究型法人 and 大陸公司 are 其它會員; a company of Hong Kong or Macau is a 廠商 (foreign company).</summary>
public enum MemberType
{
    Company = 1,
    Association = 2,
    Individual = 3,
    ResearchInstitute = 4,
    MainlandChinaCompany = 5,
    Other = 6,
}

/// <summary>會員資格: the document the membership rests on.</summary>
public enum MembershipBasis
{
    Contract = 1,
    Memorandum = 2,
    Application = 3,
    CooperationProject = 4,
    TechTransfer = 5,
}

/// <summary>入會申請書's 會費收入方式.</summary>
public enum FeeMethod
{
    CooperationProject = 1,
    TechTransfer = 2,
    MembershipFee = 3,
}

/// <summary>招募聯盟會員: a member the alliance recruited.</summary>
public class AllianceMember : ProgressEntry
{
    public MemberType Type { get; set; }
    public MembershipBasis Basis { get; set; }
    public string IndustryCode { get; set; } = "";
    public bool IsPaying { get; set; }
    public Region Region { get; set; }
    public string CompanyName { get; set; } = "";
    /// <summary>統一編號 (optional, 8 digits with the official checksum).</summary>
    public string? TaxId { get; set; }
    public string Representative { get; set; } = "";
    public string City { get; set; } = "";
    public string Street { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>契約起始日; for a 技轉會員 the signing day of the transfer, for a 產學合作會員 the cooperation's start.</summary>
    public DateOnly ContractStart { get; set; }

    /// <summary>契約截止日; for a 產學合作會員 the cooperation's end.</summary>
    public DateOnly ContractEnd { get; set; }

    /// <summary>企業規模 (capital band), for 廠商 and 產學合作 members.</summary>
    public string? CapitalBand { get; set; }

    /// <summary>企業員工數 (band), for 廠商 and 產學合作 members.</summary>
    public string? EmployeeBand { get; set; }

    /// <summary>是否位屬「工業暨產業園區」, for 廠商 and 產學合作 members.</summary>
    public bool? InIndustrialPark { get; set; }

    public FeeMethod? FeeMethod { get; set; }

    /// <summary>會費金額 (仟元) of a 入會申請書.</summary>
    public decimal? FeeAmount { get; set; }

    /// <summary>For 產學合作會員 / 技轉會員: the contract is signed by the PI (計畫主持人簽約).</summary>
    public bool SignedByPrincipalInvestigator { get; set; }

    /// <summary>For 產學合作會員 / 技轉會員: related to the alliance's core technology.</summary>
    public bool RelatedToCoreTechnology { get; set; }

    public bool IsCompanyLike => Type is MemberType.Company or MemberType.Association;

    public bool NeedsCompanyDetails => Type == MemberType.Company || Basis == MembershipBasis.CooperationProject;
}
