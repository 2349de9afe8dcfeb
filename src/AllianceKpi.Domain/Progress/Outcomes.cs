namespace AllianceKpi.Domain.Progress;

/// <summary>經費填報方式.</summary>
public enum BudgetBasis
{
    Total = 1,
    ReceivedThisYear = 2,
}

/// <summary>衍生產學合作計畫 (signed): amounts in 仟元.</summary>
public class CooperationProject : ProgressEntry, INamesCounterparty
{
    public string Name { get; set; } = "";
    public int? MemberId { get; set; }
    public string? CounterpartyName { get; set; }
    public decimal Budget { get; set; }
    public BudgetBasis BudgetBasis { get; set; } = BudgetBasis.Total;

    /// <summary>With 本年度實際進帳金額 the attachment must also hold the receipt; the user confirms it does.</summary>
    public bool ReceiptIncluded { get; set; }

    /// <summary>計畫來源, e.g. 科技部, 工業局.</summary>
    public string Source { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public bool SignedByPrincipalInvestigator { get; set; } = true;
}

/// <summary>衍生技轉: amounts in 仟元.</summary>
public class TechTransfer : ProgressEntry, INamesCounterparty
{
    public string Name { get; set; } = "";
    public int? MemberId { get; set; }
    public string? CounterpartyName { get; set; }
    public decimal Amount { get; set; }
    public DateOnly SignedOn { get; set; }
}

/// <summary>技術服務 to a company.</summary>
public class TechnicalService : ProgressEntry, INamesCounterparty
{
    public int? MemberId { get; set; }
    public string? CounterpartyName { get; set; }
    public decimal Amount { get; set; }
    public DateOnly Date { get; set; }
    public string Description { get; set; } = "";
}

/// <summary>聯盟推廣活動.</summary>
public class PromotionActivity : ProgressEntry
{
    public string Name { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Place { get; set; } = "";
    public int Participants { get; set; }
}

public enum MemberServiceKind
{
    Seminar = 1,
    Consulting = 2,
    SiteVisit = 3,
}

/// <summary>對聯盟會員之服務: 技術研討會, 專業諮詢服務 or 訪廠現地指導.</summary>
public class MemberService : ProgressEntry
{
    public MemberServiceKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Attendees from companies (人).</summary>
    public int CompanyAttendees { get; set; }

    /// <summary>Companies served (家).</summary>
    public int CompaniesServed { get; set; }
}

public enum DerivedResultKind
{
    NewProduct = 1,
    NewTechnology = 2,
    PatentApplied = 3,
    PatentGranted = 4,
}

/// <summary>協助聯盟會員衍生成果.</summary>
public class DerivedResult : ProgressEntry, INamesCounterparty
{
    public DerivedResultKind Kind { get; set; }
    public int? MemberId { get; set; }
    public string? CounterpartyName { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    public string? PatentNumber { get; set; }
}
