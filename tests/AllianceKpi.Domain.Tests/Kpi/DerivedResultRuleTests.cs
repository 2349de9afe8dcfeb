using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>KPI 7: results derived for member companies; the school's own patents do not count; a granted patent needs its number.</summary>
public sealed class DerivedResultRuleTests
{
    public static TheoryData<DerivedResultKind> Kinds =>
        [DerivedResultKind.NewProduct, DerivedResultKind.NewTechnology, DerivedResultKind.PatentApplied, DerivedResultKind.PatentGranted];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AResultForACompanyMemberCounts(DerivedResultKind kind)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Derived(alliance.Member(), r => (r.Kind, r.PatentNumber) = (kind, "I712345")));
        verdict.CountedWithoutReasons();
        Assert.Equal(1m, alliance.PeriodReport().Figures.Value(Measure(kind)));
    }

    [Theory]
    [InlineData(DerivedResultKind.PatentApplied, "未指定協助的聯盟廠商會員：學校自己申請或獲證之專利不計入，不列入協助聯盟會員衍生成果（申請專利）")]
    [InlineData(DerivedResultKind.PatentGranted, "未指定協助的聯盟廠商會員：學校自己申請或獲證之專利不計入，不列入協助聯盟會員衍生成果（獲證專利）")]
    [InlineData(DerivedResultKind.NewProduct, "未選擇聯盟廠商會員：協助對象限為聯盟廠商會員，不列入協助聯盟會員衍生成果（開發新產品）")]
    [InlineData(DerivedResultKind.NewTechnology, "未選擇聯盟廠商會員：協助對象限為聯盟廠商會員，不列入協助聯盟會員衍生成果（開發新技術）")]
    public void AResultWithoutAMemberIsTheSchoolsOwn(DerivedResultKind kind, string reason)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Derived(null, r => (r.Kind, r.PatentNumber) = (kind, "I712345")));
        Assert.Equal(reason, verdict.NotCountedBecause());
    }

    [Theory]
    [InlineData(MemberType.ResearchInstitute, "「癸單位」為其它會員：協助對象限為聯盟廠商會員")]
    [InlineData(MemberType.MainlandChinaCompany, "「癸單位」為其它會員")]
    [InlineData(MemberType.Individual, "「癸單位」為個人會員")]
    public void AResultForANonCompanyMemberIsNotCounted(MemberType type, string reason)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => (m.Type, m.CompanyName) = (type, "癸單位"));
        alliance.VerdictOn(alliance.Derived(member)).NotCountedBecause(reason);
    }

    [Fact]
    public void AResultForANonMemberCompanyIsNotCounted()
    {
        var alliance = new Alliance();
        alliance.VerdictOn(alliance.Derived(null, r => r.CounterpartyName = "子公司")).NotCountedBecause("「子公司」非聯盟會員：協助對象限為聯盟廠商會員");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    [InlineData("I712345", true)]
    public void AGrantedPatentNeedsItsNumber(string? number, bool counted)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Derived(alliance.Member(), r => (r.Kind, r.PatentNumber) = (DerivedResultKind.PatentGranted, number)));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            Assert.Equal("獲證專利須填專利證書號，不列入協助聯盟會員衍生成果（獲證專利）", verdict.NotCountedBecause());
        }
    }

    [Fact]
    public void AnAppliedPatentNeedsNoNumber()
    {
        var alliance = new Alliance();
        alliance.VerdictOn(alliance.Derived(alliance.Member(), r => r.Kind = DerivedResultKind.PatentApplied)).CountedWithoutReasons();
    }

    [Theory]
    [InlineData("2021/03/01", true)]
    [InlineData("2021/02/28", false)]
    [InlineData("2021/12/31", true)]
    [InlineData("2022/01/01", false)]
    public void TheMembershipMustCoverTheResultsDate(string day, bool counted)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => (m.CompanyName, m.ContractEnd) = ("丑公司", Alliance.Day("2021/12/31")));
        var verdict = alliance.VerdictOn(alliance.Derived(member, r => r.Date = Alliance.Day(day)));
        if (counted)
        {
            verdict.CountedWithoutReasons();
        }
        else
        {
            Assert.Equal(
                $"「丑公司」的會員契約期間 2021/03/01~2021/12/31 未涵蓋成果日期 {day}，當時尚非聯盟會員，不列入協助聯盟會員衍生成果（開發新產品）",
                verdict.NotCountedBecause());
        }
    }

    [Theory]
    [InlineData("2021/01/01", true)]
    [InlineData("2020/12/31", false)]
    [InlineData("2022/01/31", true)]
    [InlineData("2022/02/01", false)]
    public void AResultCountsWhenDatedInTheProjectWindow(string day, bool counted)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => (m.ContractStart, m.ContractEnd) = (Alliance.Day("2020/01/01"), Alliance.Day("2022/12/31")));
        var verdict = alliance.VerdictOn(alliance.Derived(member, r => r.Date = Alliance.Day(day)));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            verdict.NotCountedBecause($"成果日期 {day} 不在計畫執行期間 2021/01/01~2022/01/31 內");
        }
    }

    private static KpiMeasure Measure(DerivedResultKind kind) => kind switch
    {
        DerivedResultKind.NewProduct => KpiMeasure.NewProducts,
        DerivedResultKind.NewTechnology => KpiMeasure.NewTechnologies,
        DerivedResultKind.PatentApplied => KpiMeasure.PatentsApplied,
        _ => KpiMeasure.PatentsGranted,
    };
}
