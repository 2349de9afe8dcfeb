using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>KPI 3: 會員費 + 技術服務 + 其它 of incomes whose 會計核定日期 lies in 2021/02/01~2022/01/31, without the excluded kinds.</summary>
public sealed class OperatingIncomeRuleTests
{
    public static TheoryData<string, bool> AccountingDays => new()
    {
        { "2021/02/01", true },
        { "2021/01/31", false },
        { "2022/01/31", true },
        { "2022/02/01", false },
        { "2021/08/15", true },
    };

    [Theory]
    [MemberData(nameof(AccountingDays))]
    public void AnIncomeCountsOnlyWhenItsAccountingDateIsInTheIncomeWindow(string day, bool counted)
    {
        var alliance = new Alliance();
        var income = alliance.Income(i => (i.AccountingDate, i.MembershipFee, i.TechnicalServiceFee, i.OtherIncome) = (Alliance.Day(day), 10, 20, 5));
        var verdict = alliance.VerdictOn(income);
        if (counted)
        {
            verdict.CountedWithoutReasons();
            Assert.Equal(35m, verdict.CountedAmount);
            Assert.Equal(new IncomeFigures(10, 20, 5), alliance.PeriodReport().Figures.Income);
        }
        else
        {
            Assert.Equal($"會計核定日期 {day} 不在 2021/02/01~2022/01/31 內，不列入營運收入", verdict.NotCountedBecause());
            Assert.Equal(0m, verdict.CountedAmount);
            Assert.Equal(0m, alliance.PeriodReport().Figures.Income.Total);
        }
    }

    public static TheoryData<OtherIncomeNature, string> ExcludedNatures => new()
    {
        { OtherIncomeNature.SchoolIncentive, "其它收入 12.5 仟元為學校給予之鼓勵金、設備，不列入營運收入" },
        { OtherIncomeNature.DonatedEquipment, "其它收入 12.5 仟元為廠商捐贈之設備與其設備價值，不列入營運收入" },
        { OtherIncomeNature.ProgrammeGrant, "其它收入 12.5 仟元為科技部給予之產學小聯盟計畫經費，不列入營運收入" },
        { OtherIncomeNature.OtherGrantCounterpartFunds, "其它收入 12.5 仟元為其它計畫之經費收入（如廠商配合款、科技部補助款、SBIR、產學合作、建教合作），不列入營運收入，請填入衍生產學合作計畫" },
        { OtherIncomeNature.TechTransferIncome, "其它收入 12.5 仟元為技術移轉之收入，不列入營運收入，請填入衍生技轉" },
    };

    [Theory]
    [MemberData(nameof(ExcludedNatures))]
    public void AnExcludedKindOfOtherIncomeDropsOnlyThatPart(OtherIncomeNature nature, string reason)
    {
        var alliance = new Alliance();
        var income = alliance.Income(i => (i.MembershipFee, i.OtherIncome, i.OtherIncomeNature) = (10, 12.5m, nature));
        var verdict = alliance.VerdictOn(income);
        Assert.True(verdict.Counted);
        Assert.True(verdict.IsPartial);
        Assert.Equal([reason], verdict.Reasons);
        Assert.Equal(10m, verdict.CountedAmount);
        Assert.Equal(new IncomeFigures(10, 0, 0), alliance.PeriodReport().Figures.Income);
    }

    [Fact]
    public void AnIncomeMadeOnlyOfAnExcludedKindIsNotCounted()
    {
        var alliance = new Alliance();
        var income = alliance.Income(i => (i.MembershipFee, i.OtherIncome, i.OtherIncomeNature) = (0, 100, OtherIncomeNature.ProgrammeGrant));
        alliance.VerdictOn(income).NotCountedBecause("科技部給予之產學小聯盟計畫經費");
    }

    public static TheoryData<MemberType, bool> Payers => new()
    {
        { MemberType.Company, true },
        { MemberType.Association, true },
        { MemberType.Individual, true },
        { MemberType.ResearchInstitute, false },
        { MemberType.MainlandChinaCompany, false },
        { MemberType.Other, false },
    };

    [Theory]
    [MemberData(nameof(Payers))]
    public void OtherIncomeAndServiceFeesFromAnOtherMemberAreNotCounted(MemberType payerType, bool counted)
    {
        var alliance = new Alliance();
        var payer = alliance.Member(m => (m.Type, m.CompanyName) = (payerType, "工業技術研究院"));
        var income = alliance.Income(i => (i.MemberId, i.MembershipFee, i.TechnicalServiceFee, i.OtherIncome) = (payer.Id, 10, 20, 30));
        var verdict = alliance.VerdictOn(income);
        Assert.True(verdict.Counted);
        if (counted)
        {
            Assert.Empty(verdict.Reasons);
            Assert.Equal(60m, verdict.CountedAmount);
            return;
        }
        Assert.Equal(
            [
                "技術服務收入須來自廠商：「工業技術研究院」為其它會員，技術服務收入 20 仟元不列入營運收入",
                "付款單位「工業技術研究院」為其它會員：與其它會員之收入不可列入其它收入（30 仟元）",
            ],
            verdict.Reasons);
        Assert.Equal(new IncomeFigures(10, 0, 0), alliance.PeriodReport().Figures.Income);
    }

    [Fact]
    public void AnIncomeFromANonMemberCompanyCounts()
    {
        var alliance = new Alliance();
        var income = alliance.Income(i => (i.CounterpartyName, i.TechnicalServiceFee) = ("丁公司", 40));
        alliance.VerdictOn(income).CountedWithoutReasons();
    }

    [Fact]
    public void AnExcludedKindFromAnOtherMemberGivesBothReasons()
    {
        var alliance = new Alliance();
        var payer = alliance.Member(m => m.Type = MemberType.ResearchInstitute);
        var income = alliance.Income(i => (i.MemberId, i.OtherIncome, i.OtherIncomeNature) = (payer.Id, 30, OtherIncomeNature.DonatedEquipment));
        Assert.Equal(2, alliance.VerdictOn(income).Reasons.Count);
    }

    [Fact]
    public void TheSameMoneyAsACooperationProjectIsNotCountedAsIncome()
    {
        var alliance = new Alliance();
        var company = alliance.Member(m => m.CompanyName = "甲公司");
        alliance.Cooperation(company, p => (p.Name, p.Budget) = ("智慧感測產學合作", 500));
        var income = alliance.Income(i => (i.MemberId, i.MembershipFee, i.OtherIncome) = (company.Id, 0, 500.000m));
        Assert.Equal(
            "此筆「甲公司」之收入與衍生產學合作計畫「智慧感測產學合作」（經費 500 仟元）為同一筆款項，產學合作之經費勿重複填報於營運收入，不列入營運收入",
            alliance.VerdictOn(income).NotCountedBecause());
    }

    [Fact]
    public void TheSameMoneyIsRecognisedWhenTheIncomeTypesTheMembersName()
    {
        var alliance = new Alliance();
        var company = alliance.Member(m => m.CompanyName = "甲公司");
        alliance.Cooperation(company, p => p.Budget = 480);
        var income = alliance.Income(i => (i.CounterpartyName, i.MembershipFee, i.TechnicalServiceFee) = (" 甲公司", 80, 400));
        alliance.VerdictOn(income).NotCountedBecause("為同一筆款項");
    }

    [Theory]
    [InlineData(499.999)]
    [InlineData(500.001)]
    public void ADifferentAmountFromTheSameMemberIsDifferentMoney(double amount)
    {
        var alliance = new Alliance();
        var company = alliance.Member();
        alliance.Cooperation(company, p => p.Budget = 500);
        var income = alliance.Income(i => (i.MemberId, i.MembershipFee) = (company.Id, (decimal)amount));
        alliance.VerdictOn(income).CountedWithoutReasons();
    }

    [Fact]
    public void TheSameAmountFromAnotherMemberIsDifferentMoney()
    {
        var alliance = new Alliance();
        alliance.Cooperation(alliance.Member(), p => p.Budget = 500);
        var other = alliance.Member();
        var income = alliance.Income(i => (i.MemberId, i.MembershipFee) = (other.Id, 500));
        alliance.VerdictOn(income).CountedWithoutReasons();
    }

    [Fact]
    public void TheSameMoneyAsATechTransferIsNotCountedAsIncome()
    {
        var alliance = new Alliance();
        alliance.Transfer(t => (t.Name, t.CounterpartyName, t.Amount) = ("感測模組技轉", "乙公司", 300));
        var income = alliance.Income(i => (i.CounterpartyName, i.MembershipFee, i.OtherIncome) = ("乙公司", 0, 300));
        alliance.VerdictOn(income).NotCountedBecause("與衍生技轉「感測模組技轉」（金額 300 仟元）為同一筆款項，技術移轉之收入不列入營運收入");
    }

    [Fact]
    public void IncomesAddUpPartByPartOverThePeriodsInScope()
    {
        var alliance = new Alliance();
        alliance.Income(i => (i.MembershipFee, i.TechnicalServiceFee, i.OtherIncome) = (10.5m, 0, 1));
        alliance.Income(i => (i.MembershipFee, i.TechnicalServiceFee, i.OtherIncome) = (0, 20.25m, 0));
        alliance.Income(i => (i.MembershipFee, i.TechnicalServiceFee, i.OtherIncome) = (5, 5, 5), Alliance.Second);
        Assert.Equal(new IncomeFigures(10.5m, 20.25m, 1), alliance.PeriodReport(Alliance.First).Figures.Income);
        Assert.Equal(new IncomeFigures(5, 5, 5), alliance.PeriodReport(Alliance.Second).Figures.Income);
        Assert.Equal(46.75m, alliance.CumulativeThrough(Alliance.Second).Figures.Income.Total);
    }
}
