using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>
/// Members are a stock: a period counts the members reported in it; the cumulative view counts every member
/// reported up to the period; the same company counts once.
/// </summary>
public sealed class MemberStockTests
{
    [Fact]
    public void AMemberOfTheFirstReportCountsInTheFirstReportAndCumulatively()
    {
        var alliance = new Alliance();
        alliance.Member();
        alliance.Member(period: Alliance.Second);
        Assert.Equal(1, alliance.PeriodReport(Alliance.First).Figures.Members.CompanyMembers);
        Assert.Equal(1, alliance.PeriodReport(Alliance.Second).Figures.Members.CompanyMembers);
        Assert.Equal(1, alliance.CumulativeThrough(Alliance.First).Figures.Members.CompanyMembers);
        Assert.Equal(2, alliance.CumulativeThrough(Alliance.Second).Figures.Members.CompanyMembers);
        Assert.Equal(2, alliance.WholeExecution().Figures.Members.CompanyMembers);
    }

    [Fact]
    public void AValidMemberOfAnEarlierPeriodIsListedApartInALaterPeriod()
    {
        var alliance = new Alliance();
        var recruited = alliance.Member();
        var expired = alliance.Member(m => m.ContractEnd = Alliance.Day("2021/09/30"));
        var report = alliance.PeriodReport(Alliance.Second);
        Assert.Empty(report.Verdicts);
        var earlier = Assert.Single(report.EarlierValidMembers);
        Assert.Equal(recruited.Id, earlier.EntryId);
        Assert.True(earlier.Counted);
        Assert.Contains("過去招募之有效會員（2021年產學小聯盟第一次(3)成果綜整表）", earlier.Notes);
        Assert.Null(report.Find(EntryKind.Member, expired.Id));
    }

    [Fact]
    public void TheCumulativeViewHasNoSeparateEarlierList()
    {
        var alliance = new Alliance();
        var first = alliance.Member();
        var report = alliance.CumulativeThrough(Alliance.Second);
        Assert.Empty(report.EarlierValidMembers);
        Assert.True(report.Find(EntryKind.Member, first.Id)?.Counted);
    }

    [Fact]
    public void TheSameCompanyReportedAgainInALaterPeriodCountsOnce()
    {
        var alliance = new Alliance();
        alliance.Member(m => (m.CompanyName, m.TaxId) = ("甲股份有限公司", "22099131"));
        var renewal = alliance.Member(m => (m.CompanyName, m.TaxId) = ("甲公司", "22099131"), Alliance.Second);
        alliance.VerdictOn(renewal).NotCountedBecause(
            "與2021年產學小聯盟第一次(3)成果綜整表已列入之會員「甲股份有限公司」重複（統一編號 22099131 相同），同一會員只計一次");
        Assert.Equal(0, alliance.PeriodReport(Alliance.Second).Figures.Members.CompanyMembers);
        Assert.Equal(1, alliance.WholeExecution().Figures.Members.CompanyMembers);
    }

    [Theory]
    [InlineData("乙公司", "乙公司")]
    [InlineData("乙 公司", "乙公司")]
    [InlineData("ＡＢＣ股份有限公司", "abc股份有限公司")]
    public void TheSameNameTwiceInOnePeriodCountsOnce(string name, string again)
    {
        var alliance = new Alliance();
        alliance.Member(m => m.CompanyName = name);
        var duplicate = alliance.Member(m => m.CompanyName = again);
        alliance.VerdictOn(duplicate).NotCountedBecause($"與本期已列入之會員「{name}」重複（名稱相同）");
        Assert.Equal(1, alliance.PeriodReport().Figures.Members.CompanyMembers);
    }

    [Fact]
    public void TwoCompaniesWithTheSameNameButDifferentTaxIdsBothCount()
    {
        var alliance = new Alliance();
        alliance.Member(m => (m.CompanyName, m.TaxId) = ("乙公司", "22099131"));
        alliance.Member(m => (m.CompanyName, m.TaxId) = ("乙公司", "04595257"));
        Assert.Equal(2, alliance.PeriodReport().Figures.Members.CompanyMembers);
    }

    [Fact]
    public void AnExpiredEntryDoesNotBlockTheRenewalOfTheSameCompany()
    {
        var alliance = new Alliance();
        alliance.Member(m => (m.CompanyName, m.ContractEnd) = ("丙公司", Alliance.Day("2021/06/30")));
        var renewal = alliance.Member(m => (m.CompanyName, m.ContractStart) = ("丙公司", Alliance.Day("2021/07/01")), Alliance.Second);
        alliance.VerdictOn(renewal).CountedWithoutReasons();
        Assert.Equal(1, alliance.WholeExecution().Figures.Members.CompanyMembers);
    }

    [Fact]
    public void EntriesOfTheExpectedResultsOrOfAnotherYearAreOutsideEveryView()
    {
        var alliance = new Alliance();
        alliance.Member(period: Alliance.Expected);
        var lastYear = alliance.Member();
        lastYear.ReportingPeriodId = 99;
        var report = alliance.WholeExecution();
        Assert.Empty(report.Verdicts);
        Assert.Equal(0, report.Figures.Members.CompanyMembers);
    }

    [Fact]
    public void TheExpectedResultsHaveNoFiguresToReport() =>
        Assert.Throws<ArgumentException>(() => new Alliance().PeriodReport(Alliance.Expected));

    [Fact]
    public void APeriodOutsideTheYearsListIsRefused()
    {
        var stranger = new ReportingPeriod { Id = 42, Kind = ReportingPeriodKind.FirstReport, Name = "2020年第一次" };
        Assert.Throws<ArgumentException>(() => new Alliance().PeriodReport(stranger));
    }

    [Fact]
    public void ThePeriodViewNeedsAPeriod()
    {
        var alliance = new Alliance();
        var input = new KpiInput { Year = alliance.Year, Periods = Alliance.Periods, View = KpiView.Period };
        Assert.Throws<ArgumentException>(() => KpiEngine.Evaluate(input));
    }

    [Fact]
    public void PeriodsAreOrderedByKindWhateverOrderTheyArriveIn()
    {
        var alliance = new Alliance();
        alliance.Member(period: Alliance.Final);
        alliance.Member(period: Alliance.Second);
        Assert.Equal(1, alliance.CumulativeThrough(Alliance.Second).Figures.Members.CompanyMembers);
        Assert.Equal(2, alliance.CumulativeThrough(Alliance.Final).Figures.Members.CompanyMembers);
    }
}
