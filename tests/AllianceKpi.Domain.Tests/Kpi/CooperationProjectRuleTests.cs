using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>KPI 6: cooperation projects with company members, starting in 2021/01/01~2022/01/31, signed by the PI, budget as reported.</summary>
public sealed class CooperationProjectRuleTests
{
    public static TheoryData<string, bool> StartDays => new()
    {
        { "2021/01/01", true },
        { "2020/12/31", false },
        { "2022/01/31", true },
        { "2022/02/01", false },
    };

    [Theory]
    [MemberData(nameof(StartDays))]
    public void AProjectCountsWhenItStartsInTheCooperationWindow(string day, bool counted)
    {
        var alliance = new Alliance();
        var partner = alliance.Member(m => (m.ContractStart, m.ContractEnd) = (Alliance.Day("2020/01/01"), Alliance.Day("2022/12/31")));
        var verdict = alliance.VerdictOn(alliance.Cooperation(partner, p => p.StartDate = Alliance.Day(day)));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            Assert.Equal($"計畫執行起始日期 {day} 不在 2021/01/01~2022/01/31 內，不列入衍生產學合作計畫", verdict.NotCountedBecause());
        }
    }

    public static TheoryData<MemberType, bool, string> Partners => new()
    {
        { MemberType.Company, true, "" },
        { MemberType.Association, true, "" },
        { MemberType.ResearchInstitute, false, "「庚單位」為其它會員：產學合作計畫對象限為廠商會員，不列入衍生產學合作計畫" },
        { MemberType.MainlandChinaCompany, false, "為其它會員" },
        { MemberType.Other, false, "為其它會員" },
        { MemberType.Individual, false, "「庚單位」為個人會員：產學合作計畫對象限為廠商會員" },
    };

    [Theory]
    [MemberData(nameof(Partners))]
    public void AProjectCountsOnlyWithACompanyMember(MemberType type, bool counted, string reason)
    {
        var alliance = new Alliance();
        var partner = alliance.Member(m => (m.Type, m.CompanyName) = (type, "庚單位"));
        var verdict = alliance.VerdictOn(alliance.Cooperation(partner));
        if (counted)
        {
            verdict.CountedWithoutReasons();
            Assert.Equal(500m, verdict.CountedAmount);
        }
        else
        {
            verdict.NotCountedBecause(reason);
        }
    }

    [Fact]
    public void AProjectWithACompanyThatIsNotAMemberIsNotCounted()
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Cooperation(null, p => p.CounterpartyName = "辛公司"));
        Assert.Equal("「辛公司」非聯盟會員：產學合作計畫對象限為廠商會員，不列入衍生產學合作計畫", verdict.NotCountedBecause());
    }

    [Fact]
    public void AProjectWithoutAPartnerIsNotCounted()
    {
        var alliance = new Alliance();
        alliance.VerdictOn(alliance.Cooperation(null)).NotCountedBecause("未選擇聯盟廠商會員");
    }

    [Fact]
    public void AProjectNotSignedByThePiIsNotCounted()
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Cooperation(alliance.Member(), p => p.SignedByPrincipalInvestigator = false));
        Assert.Equal("計畫立約人須為計畫主持人或共同主持人，不列入衍生產學合作計畫", verdict.NotCountedBecause());
    }

    [Theory]
    [InlineData(BudgetBasis.Total, false, true)]
    [InlineData(BudgetBasis.Total, true, true)]
    [InlineData(BudgetBasis.ReceivedThisYear, true, true)]
    [InlineData(BudgetBasis.ReceivedThisYear, false, false)]
    public void ThisYearsReceiptsCountOnlyWithTheReceipt(BudgetBasis basis, bool receipt, bool counted)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Cooperation(alliance.Member(), p => (p.BudgetBasis, p.ReceiptIncluded) = (basis, receipt)));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            verdict.NotCountedBecause("經費填報方式為本年度實際進帳金額，附件須另附有效領據以佐證金額");
        }
    }

    public static TheoryData<string, string, bool> MembershipTerms => new()
    {
        { "2021/04/01", "2022/03/31", true },
        { "2021/01/01", "2021/04/01", true },
        { "2021/04/02", "2022/03/31", false },
        { "2020/01/01", "2021/03/31", false },
    };

    [Theory]
    [MemberData(nameof(MembershipTerms))]
    public void ThePartnersMembershipMustCoverTheProjectsStart(string start, string end, bool counted)
    {
        var alliance = new Alliance();
        var partner = alliance.Member(m => (m.CompanyName, m.ContractStart, m.ContractEnd) = ("壬公司", Alliance.Day(start), Alliance.Day(end)));
        var verdict = alliance.VerdictOn(alliance.Cooperation(partner, p => p.StartDate = Alliance.Day("2021/04/01")));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            verdict.NotCountedBecause($"「壬公司」的會員契約期間 {start}~{end} 未涵蓋計畫執行起始日期 2021/04/01，當時尚非聯盟會員");
        }
    }

    [Fact]
    public void APartnerNotCountedAsAMemberStillMakesTheProjectCount()
    {
        var alliance = new Alliance();
        var partner = alliance.Member(m => m.ContractEnd = Alliance.Day("2021/09/30"));
        Assert.False(alliance.VerdictOn(partner).Counted);
        alliance.VerdictOn(alliance.Cooperation(partner)).CountedWithoutReasons();
    }

    [Fact]
    public void APartnerRecruitedInALaterPeriodIsStillAMember()
    {
        var alliance = new Alliance();
        var partner = alliance.Member(period: Alliance.Second);
        alliance.VerdictOn(alliance.Cooperation(partner)).CountedWithoutReasons();
    }

    [Fact]
    public void ACooperationMembersOwnProjectCounts()
    {
        var alliance = new Alliance();
        var partner = alliance.Member(m => CooperationMemberRuleTests.Cooperation(m, "2021/04/01", "2021/12/31"));
        alliance.VerdictOn(alliance.Cooperation(partner)).CountedWithoutReasons();
        Assert.Equal(1, alliance.PeriodReport().Figures.Members.CompanyMembers);
    }

    [Fact]
    public void ProjectsAddUpTheirBudgets()
    {
        var alliance = new Alliance();
        var partner = alliance.Member();
        alliance.Cooperation(partner, p => p.Budget = 1000);
        alliance.Cooperation(partner, p => p.Budget = 250.125m);
        alliance.Cooperation(partner, p => p.SignedByPrincipalInvestigator = false);
        Assert.Equal(new DealFigures(2, 1250.125m), alliance.PeriodReport().Figures.Cooperation);
    }
}
