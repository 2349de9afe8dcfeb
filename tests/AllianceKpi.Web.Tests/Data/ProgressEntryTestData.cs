using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>One entry of every kind, filled in the way a PI would, for the persistence tests.</summary>
public static class ProgressEntryTestData
{
    public static Project NewProject() => new()
    {
        Number = "P" + Guid.NewGuid().ToString("N")[..12],
        Name = "工作進度測試計畫",
        Year = 2021,
        PrincipalInvestigatorName = "林主持",
        School = "成功大學",
        Department = "機械系",
    };

    public static ProgrammeYear NewYear(int year)
    {
        var programmeYear = ProgrammeYear.WithStandardWindows(year);
        programmeYear.Periods.Add(new ReportingPeriod
        {
            Kind = ReportingPeriodKind.FirstReport,
            Name = ReportingPeriod.StandardName(year, ReportingPeriodKind.FirstReport),
            OpensOn = new DateOnly(year, 2, 1),
            Deadline = ReportingPeriod.StandardDeadline(year, ReportingPeriodKind.FirstReport),
        });
        return programmeYear;
    }

    public static AllianceMember Member(int projectId, int periodId) => new()
    {
        ProjectId = projectId,
        ReportingPeriodId = periodId,
        Type = MemberType.Company,
        Basis = MembershipBasis.Application,
        IndustryCode = "C26",
        IsPaying = true,
        Region = Region.South,
        CompanyName = "台灣精密機械股份有限公司",
        TaxId = "04595257",
        Representative = "王大明",
        City = "臺南市",
        Street = "東區大學路1號",
        Phone = "06-2757575#62100",
        ContractStart = new DateOnly(2021, 3, 1),
        ContractEnd = new DateOnly(2022, 2, 28),
        CapitalBand = "5,000萬~1億元",
        EmployeeBand = "50~99人",
        InIndustrialPark = true,
        FeeMethod = FeeMethod.MembershipFee,
        FeeAmount = 12.345m,
        CreatedAt = new DateTime(2021, 3, 2, 1, 2, 3, DateTimeKind.Utc),
        UpdatedAt = new DateTime(2021, 3, 2, 1, 2, 3, DateTimeKind.Utc),
    };

    public static OperatingIncome Income(int projectId, int periodId, int memberId) => new()
    {
        ProjectId = projectId, ReportingPeriodId = periodId, MemberId = memberId,
        MembershipFee = 12.345m, TechnicalServiceFee = 0.001m, OtherIncome = 999_999.999m,
        OtherIncomeNature = OtherIncomeNature.SchoolIncentive, AccountingDate = new DateOnly(2021, 10, 31),
    };

    public static CooperationProject Cooperation(int projectId, int periodId, int memberId) => new()
    {
        ProjectId = projectId, ReportingPeriodId = periodId, MemberId = memberId,
        Name = "智慧製造產學合作計畫", Budget = 1500.5m, BudgetBasis = BudgetBasis.ReceivedThisYear, ReceiptIncluded = true,
        Source = "科技部", StartDate = new DateOnly(2021, 4, 1), EndDate = new DateOnly(2022, 3, 31), SignedByPrincipalInvestigator = false,
    };

    public static TechTransfer Transfer(int projectId, int periodId) => new()
    {
        ProjectId = projectId, ReportingPeriodId = periodId, CounterpartyName = "非會員科技公司",
        Name = "雷射加工參數技術", Amount = 250.125m, SignedOn = new DateOnly(2021, 6, 15),
    };

    public static TechnicalService Service(int projectId, int periodId, int memberId) => new()
    {
        ProjectId = projectId, ReportingPeriodId = periodId, MemberId = memberId,
        Amount = 30m, Date = new DateOnly(2021, 7, 1), Description = "量測治具設計與驗證",
    };

    public static PromotionActivity Activity(int projectId, int periodId) => new()
    {
        ProjectId = projectId, ReportingPeriodId = periodId,
        Name = "聯盟成果發表會", Date = new DateOnly(2021, 9, 10), Place = "台北世貿一館", Participants = 120,
    };

    public static MemberService Visit(int projectId, int periodId) => new()
    {
        ProjectId = projectId, ReportingPeriodId = periodId,
        Kind = MemberServiceKind.SiteVisit, Date = new DateOnly(2021, 8, 20), Title = "產線訪廠指導", CompanyAttendees = 8, CompaniesServed = 1,
    };

    public static DerivedResult Patent(int projectId, int periodId, int memberId) => new()
    {
        ProjectId = projectId, ReportingPeriodId = periodId, MemberId = memberId,
        Kind = DerivedResultKind.PatentGranted, Title = "多軸加工夾具", Date = new DateOnly(2021, 9, 30), PatentNumber = "I765432",
    };
}
