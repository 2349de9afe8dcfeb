using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>KPI 4: transfers to companies (member or not) signed within the project window; to an 其它會員 only qualitative.</summary>
public sealed class TechTransferRuleTests
{
    public static TheoryData<string, bool> SigningDays => new()
    {
        { "2021/01/01", true },
        { "2020/12/31", false },
        { "2022/01/31", true },
        { "2022/02/01", false },
    };

    [Theory]
    [MemberData(nameof(SigningDays))]
    public void ATransferCountsWhenSignedWithinTheProjectWindow(string day, bool counted)
    {
        var alliance = new Alliance();
        var transfer = alliance.Transfer(t => t.SignedOn = Alliance.Day(day));
        var verdict = alliance.VerdictOn(transfer);
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            Assert.Equal($"技轉簽約日期 {day} 不在計畫執行期間 2021/01/01~2022/01/31 內，不列入技術移轉", verdict.NotCountedBecause());
        }
        Assert.Equal(new DealFigures(counted ? 1 : 0, counted ? 300 : 0), alliance.PeriodReport().Figures.TechTransfer);
    }

    public static TheoryData<MemberType, bool, string> Licensees => new()
    {
        { MemberType.Company, true, "" },
        { MemberType.Association, true, "" },
        { MemberType.ResearchInstitute, false, "技轉對象「中科院」為其它會員：與其它會員簽的技轉合約僅能作為質性成果，不列入技術移轉" },
        { MemberType.MainlandChinaCompany, false, "僅能作為質性成果" },
        { MemberType.Other, false, "僅能作為質性成果" },
        { MemberType.Individual, false, "技轉對象「中科院」為個人會員，技轉對象須為廠商，不列入技術移轉" },
    };

    [Theory]
    [MemberData(nameof(Licensees))]
    public void ATransferToAMemberCountsOnlyWhenTheMemberIsACompany(MemberType type, bool counted, string reason)
    {
        var alliance = new Alliance();
        var licensee = alliance.Member(m => (m.Type, m.CompanyName) = (type, "中科院"));
        var verdict = alliance.VerdictOn(alliance.Transfer(t => (t.MemberId, t.CounterpartyName) = (licensee.Id, null)));
        if (counted)
        {
            verdict.CountedWithoutReasons();
            Assert.Equal(300m, verdict.CountedAmount);
        }
        else
        {
            verdict.NotCountedBecause(reason);
        }
    }

    [Fact]
    public void ATransferToANonMemberCompanyCountsWithANote()
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Transfer(t => t.CounterpartyName = "戊公司"));
        verdict.CountedWithoutReasons();
        Assert.Equal(["技轉對象「戊公司」非聯盟會員：技轉對象為廠商即可列計"], verdict.Notes);
    }

    [Fact]
    public void ATransferWithoutALicenseeIsNotCounted()
    {
        var alliance = new Alliance();
        alliance.VerdictOn(alliance.Transfer(t => t.CounterpartyName = " ")).NotCountedBecause("未填技轉對象，不列入技術移轉");
    }

    [Fact]
    public void ATransferToAMemberThatNoLongerExistsIsNotCounted()
    {
        var alliance = new Alliance();
        alliance.VerdictOn(alliance.Transfer(t => t.MemberId = 9999)).NotCountedBecause("找不到所選的聯盟會員（會員編號 9999）");
    }

    [Fact]
    public void TransfersAddUpTheirAmounts()
    {
        var alliance = new Alliance();
        alliance.Transfer(t => t.Amount = 120.5m);
        alliance.Transfer(t => t.Amount = 79.5m);
        alliance.Transfer(t => t.SignedOn = Alliance.Day("2020/12/01"));
        Assert.Equal(new DealFigures(2, 200), alliance.PeriodReport().Figures.TechTransfer);
    }
}

/// <summary>技術服務: 「技術服務對象廠商即可」 — member or not, within the project window; not an 其它會員 or 個人會員.</summary>
public sealed class TechnicalServiceRuleTests
{
    public static TheoryData<string, bool> Days => new()
    {
        { "2021/01/01", true },
        { "2020/12/31", false },
        { "2022/01/31", true },
        { "2022/02/01", false },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void AServiceCountsWhenItsDateIsInTheProjectWindow(string day, bool counted)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.TechnicalService(s => s.Date = Alliance.Day(day)));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            verdict.NotCountedBecause($"服務日期 {day} 不在計畫執行期間 2021/01/01~2022/01/31 內，不列入技術服務");
        }
    }

    [Theory]
    [InlineData(MemberType.Company, true)]
    [InlineData(MemberType.ResearchInstitute, false)]
    [InlineData(MemberType.Individual, false)]
    public void AServiceToAMemberCountsOnlyForACompany(MemberType type, bool counted)
    {
        var alliance = new Alliance();
        var client = alliance.Member(m => (m.Type, m.CompanyName) = (type, "己單位"));
        var verdict = alliance.VerdictOn(alliance.TechnicalService(s => (s.MemberId, s.CounterpartyName) = (client.Id, null)));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            verdict.NotCountedBecause("服務對象「己單位」為", "服務對象須為廠商，不列入技術服務");
        }
    }

    [Fact]
    public void ServicesAddUpTheirAmounts()
    {
        var alliance = new Alliance();
        alliance.TechnicalService(s => s.Amount = 12);
        alliance.TechnicalService(s => s.Amount = 30);
        Assert.Equal(new DealFigures(2, 42), alliance.PeriodReport().Figures.TechnicalServices);
    }
}
