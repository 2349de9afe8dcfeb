namespace AllianceKpi.Domain.Progress;

/// <summary>What 其它收入 is, so that the kinds the programme excludes can be told apart.</summary>
public enum OtherIncomeNature
{
    Ordinary = 1,
    SchoolIncentive = 2,
    DonatedEquipment = 3,
    ProgrammeGrant = 4,
    OtherGrantCounterpartFunds = 5,
    TechTransferIncome = 6,
}

/// <summary>聯盟營運收入: one accounting-sealed receipt, amounts in 仟元.</summary>
public class OperatingIncome : ProgressEntry, INamesCounterparty
{
    public decimal MembershipFee { get; set; }
    public decimal TechnicalServiceFee { get; set; }
    public decimal OtherIncome { get; set; }
    public OtherIncomeNature OtherIncomeNature { get; set; } = OtherIncomeNature.Ordinary;
    public int? MemberId { get; set; }
    public string? CounterpartyName { get; set; }

    /// <summary>會計核定日期.</summary>
    public DateOnly AccountingDate { get; set; }

    public decimal Total => MembershipFee + TechnicalServiceFee + OtherIncome;
}
