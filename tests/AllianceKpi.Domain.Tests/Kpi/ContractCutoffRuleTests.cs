using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>KPI 1: a 會員合約, 合作備忘錄 or 入會申請書 counts only if it starts on or before and ends on or after the cutoff (2021/10/31).</summary>
public sealed class ContractCutoffRuleTests
{
    public static TheoryData<string, string, bool, string[]> Contracts => new()
    {
        { "2021/03/01", "2021/10/31", true, [] },
        { "2021/03/01", "2021/10/30", false, ["契約截止日 2021/10/30 未跨管考截止日 2021/10/31，不列入廠商會員數"] },
        { "2021/03/01", "2021/09/30", false, ["契約截止日 2021/09/30 未跨管考截止日 2021/10/31，不列入廠商會員數"] },
        { "2021/10/31", "2022/10/30", true, [] },
        { "2021/11/01", "2022/10/31", false, ["契約起始日 2021/11/01 晚於管考截止日 2021/10/31，契約期間未涵蓋管考截止日，不列入廠商會員數"] },
        { "2021/10/31", "2021/10/31", true, [] },
        { "2019/01/01", "2029/12/31", true, [] },
        { "2020/01/01", "2020/12/31", false, ["契約截止日 2020/12/31 未跨管考截止日 2021/10/31，不列入廠商會員數"] },
        {
            "2021/11/01", "2021/10/01", false,
            ["契約起始日 2021/11/01 晚於管考截止日 2021/10/31，契約期間未涵蓋管考截止日，不列入廠商會員數", "契約截止日 2021/10/01 未跨管考截止日 2021/10/31，不列入廠商會員數"]
        },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void AMemberContractCountsOnlyWhenItSpansTheCutoff(string start, string end, bool counted, string[] reasons)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => (m.ContractStart, m.ContractEnd) = (Alliance.Day(start), Alliance.Day(end)));
        var verdict = alliance.VerdictOn(member);
        Assert.Equal(counted, verdict.Counted);
        Assert.Equal(reasons, verdict.Reasons);
    }

    [Theory]
    [InlineData(MembershipBasis.Contract)]
    [InlineData(MembershipBasis.Memorandum)]
    [InlineData(MembershipBasis.Application)]
    public void EveryOrdinaryBasisIsHeldToTheCutoff(MembershipBasis basis)
    {
        var alliance = new Alliance();
        var spanning = alliance.Member(m => m.Basis = basis);
        var ending = alliance.Member(m => (m.Basis, m.ContractEnd) = (basis, Alliance.Day("2021/10/30")));
        alliance.VerdictOn(spanning).CountedWithoutReasons();
        alliance.VerdictOn(ending).NotCountedBecause("未跨管考截止日 2021/10/31");
    }

    [Fact]
    public void TheCutoffIsTheProgrammeYearsSettingNotAFixedDate()
    {
        var alliance = new Alliance();
        alliance.Year.MemberCutoff = Alliance.Day("2021/12/31");
        var member = alliance.Member(m => m.ContractEnd = Alliance.Day("2021/11/30"));
        alliance.VerdictOn(member).NotCountedBecause("契約截止日 2021/11/30 未跨管考截止日 2021/12/31");
    }

    [Fact]
    public void TheIssuesExampleReadsWordForWord()
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => m.ContractEnd = Alliance.Day("2021/09/30"));
        Assert.Equal("契約截止日 2021/09/30 未跨管考截止日 2021/10/31，不列入廠商會員數", alliance.VerdictOn(member).NotCountedBecause());
    }
}
