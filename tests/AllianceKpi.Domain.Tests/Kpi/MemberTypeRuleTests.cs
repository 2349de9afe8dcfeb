using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>KPI 1: only 廠商 and 公協會 count; 研究型法人, 大陸公司 and 其它 are 其它會員; 個人 are 個人會員.</summary>
public sealed class MemberTypeRuleTests
{
    public static TheoryData<MemberType, bool, string, int, int, int> Types => new()
    {
        { MemberType.Company, true, "", 1, 0, 0 },
        { MemberType.Association, true, "", 1, 0, 0 },
        { MemberType.Individual, false, "個人會員不列入廠商會員數（KPI 只計算廠商會員）", 0, 0, 1 },
        { MemberType.ResearchInstitute, false, "研究型法人（如工研院）歸屬其它會員，不列入廠商會員數", 0, 1, 0 },
        { MemberType.MainlandChinaCompany, false, "大陸公司（香港、澳門除外）歸屬其它會員，不列入廠商會員數", 0, 1, 0 },
        { MemberType.Other, false, "會員類型「其它」歸屬其它會員，不列入廠商會員數", 0, 1, 0 },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void OnlyCompaniesAndAssociationsCountAsCompanyMembers(MemberType type, bool counted, string reason, int companies, int others, int individuals)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => m.Type = type);
        var verdict = alliance.VerdictOn(member);
        Assert.Equal(counted, verdict.Counted);
        if (counted)
        {
            Assert.Empty(verdict.Reasons);
        }
        else
        {
            Assert.Equal(reason, verdict.Reasons[0]);
        }
        Assert.Equal(new MemberFigures(companies, others, individuals), alliance.PeriodReport().Figures.Members);
    }

    [Theory]
    [InlineData(MemberType.ResearchInstitute, "列入其它會員數")]
    [InlineData(MemberType.MainlandChinaCompany, "列入其它會員數")]
    [InlineData(MemberType.Other, "列入其它會員數")]
    [InlineData(MemberType.Individual, "列入個人會員數")]
    public void AValidNonCompanyMemberIsNotedInItsInformationalCount(MemberType type, string note)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Member(m => m.Type = type));
        Assert.Contains(verdict.Notes, n => n.StartsWith(note, StringComparison.Ordinal));
    }

    [Fact]
    public void ACompanyAbroadCountsAsAForeignCompany()
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Member(m => (m.Region, m.City, m.Street) = (Region.Abroad, "", "Tokyo")));
        verdict.CountedWithoutReasons();
        Assert.Equal(["國外廠商視為外商公司，列入廠商會員"], verdict.Notes);
    }

    [Theory]
    [InlineData("香港商甲有限公司", "")]
    [InlineData("甲公司", "澳門新馬路1號")]
    [InlineData("Hong Kong Sensor Ltd.", "")]
    public void AHongKongOrMacauCompanyTypedAsACompanyCountsAsForeign(string name, string street)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Member(m => (m.Region, m.CompanyName, m.Street) = (Region.Abroad, name, street)));
        verdict.CountedWithoutReasons();
        Assert.Equal(["香港、澳門公司視為外商，列入廠商會員"], verdict.Notes);
    }

    [Fact]
    public void AMainlandChinaCompanyIsAnOtherMember()
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Member(m => (m.Type, m.Region, m.Street) = (MemberType.MainlandChinaCompany, Region.Abroad, "深圳市南山區")));
        Assert.Equal("大陸公司（香港、澳門除外）歸屬其它會員，不列入廠商會員數", verdict.NotCountedBecause());
    }

    [Fact]
    public void AHongKongCompanyTypedAsMainlandIsNotCountedButToldToChangeItsType()
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Member(m => (m.Type, m.Region, m.Street) = (MemberType.MainlandChinaCompany, Region.Abroad, "香港九龍彌敦道1號")));
        verdict.NotCountedBecause("歸屬其它會員", "香港、澳門者視為外商，請將會員類型改為「廠商」");
    }

    [Fact]
    public void AnOtherMemberWhoseContractFailsIsInNoCountAndGetsBothReasons()
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => (m.Type, m.ContractEnd) = (MemberType.ResearchInstitute, Alliance.Day("2021/09/30")));
        var verdict = alliance.VerdictOn(member);
        Assert.Equal(
            ["研究型法人（如工研院）歸屬其它會員，不列入廠商會員數", "契約截止日 2021/09/30 未跨管考截止日 2021/10/31，不列入其它會員數"],
            verdict.Reasons);
        Assert.Empty(verdict.Notes);
        Assert.Equal(new MemberFigures(0, 0, 0), alliance.PeriodReport().Figures.Members);
    }

    [Fact]
    public void AnIndividualWhoseContractFailsIsToldItIsNotCountedAsAnIndividualMember()
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Member(m => (m.Type, m.ContractStart) = (MemberType.Individual, Alliance.Day("2021/11/01"))));
        verdict.NotCountedBecause("契約起始日 2021/11/01 晚於管考截止日 2021/10/31", "不列入個人會員數");
    }
}
