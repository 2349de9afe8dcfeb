using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>
/// KPI 1, special bases. 產學合作會員: signed by the PI, core technology, overlapping the project window
/// (2021/01/01~2022/01/31) by at least 6 months. 技轉會員: signed by the PI, core technology, signed within the project
/// window. Neither is held to the cutoff.
/// </summary>
public sealed class CooperationMemberRuleTests
{
    public static TheoryData<string, string, bool, string> Terms => new()
    {
        // exactly six months from the window's start, and one day short
        { "2021/01/01", "2021/06/30", true, "" },
        { "2021/01/01", "2021/06/29", false, "僅重疊 2021/01/01~2021/06/29，未滿 6 個月（須重疊至 2021/06/30）" },
        // starting before the window: only the overlap counts
        { "2020/07/01", "2021/06/30", true, "" },
        { "2020/07/01", "2021/06/29", false, "產學合作期間 2020/07/01~2021/06/29 與計畫執行期間 2021/01/01~2022/01/31 僅重疊 2021/01/01~2021/06/29" },
        // ending after the window: the overlap ends with the window on 2022/01/31
        { "2021/08/01", "2022/12/31", true, "" },
        { "2021/08/02", "2022/12/31", false, "僅重疊 2021/08/02~2022/01/31，未滿 6 個月（須重疊至 2022/02/01）" },
        // month ends: 3/31 + 6 months is 9/30, so the overlap must reach 9/29
        { "2021/03/31", "2021/09/29", true, "" },
        { "2021/03/31", "2021/09/28", false, "須重疊至 2021/09/29" },
        // no overlap at all
        { "2019/01/01", "2020/12/31", false, "產學合作期間 2019/01/01~2020/12/31 與計畫執行期間 2021/01/01~2022/01/31 沒有重疊" },
        { "2022/02/01", "2022/12/31", false, "沒有重疊，須重疊 6 個月以上" },
    };

    [Theory]
    [MemberData(nameof(Terms))]
    public void ACooperationMemberMustOverlapTheProjectWindowBySixMonths(string start, string end, bool counted, string reason)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => Cooperation(m, start, end));
        var verdict = alliance.VerdictOn(member);
        if (counted)
        {
            verdict.CountedWithoutReasons();
        }
        else
        {
            Assert.EndsWith("不列入廠商會員數", verdict.NotCountedBecause(reason));
        }
    }

    [Fact]
    public void ACooperationMemberIsNotHeldToTheCutoffAndIsToldWhy()
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Member(m => Cooperation(m, "2021/01/01", "2021/06/30")));
        verdict.CountedWithoutReasons();
        Assert.Equal(["產學合作會員：與計畫執行期間重疊 2021/01/01~2021/06/30，滿 6 個月（不適用管考截止日規定）"], verdict.Notes);
    }

    [Theory]
    [InlineData(false, true, "產學合作會員的產學合作須由計畫主持人簽約，不列入廠商會員數")]
    [InlineData(true, false, "產學合作會員的產學合作須與聯盟核心技術相關，不列入廠商會員數")]
    public void ACooperationMemberNeedsThePisSignatureAndTheCoreTechnology(bool signedByPi, bool coreTechnology, string reason)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m =>
        {
            Cooperation(m, "2021/03/01", "2021/12/31");
            (m.SignedByPrincipalInvestigator, m.RelatedToCoreTechnology) = (signedByPi, coreTechnology);
        });
        var verdict = alliance.VerdictOn(member);
        Assert.Equal([reason], verdict.Reasons);
        Assert.Empty(verdict.Notes);
    }

    [Fact]
    public void ACooperationMemberFailingEveryConditionGetsEveryReason()
    {
        var alliance = new Alliance();
        var member = alliance.Member(m =>
        {
            Cooperation(m, "2021/03/01", "2021/04/30");
            (m.SignedByPrincipalInvestigator, m.RelatedToCoreTechnology) = (false, false);
        });
        Assert.Equal(3, alliance.VerdictOn(member).Reasons.Count);
    }

    [Fact]
    public void AResearchInstituteAsCooperationMemberIsStillAnOtherMember()
    {
        var alliance = new Alliance();
        var member = alliance.Member(m =>
        {
            Cooperation(m, "2021/01/01", "2021/12/31");
            m.Type = MemberType.ResearchInstitute;
        });
        var verdict = alliance.VerdictOn(member);
        verdict.NotCountedBecause("研究型法人");
        Assert.Equal(1, alliance.PeriodReport().Figures.Members.OtherMembers);
    }

    internal static void Cooperation(AllianceMember member, string start, string end)
    {
        member.Basis = MembershipBasis.CooperationProject;
        member.ContractStart = Alliance.Day(start);
        member.ContractEnd = Alliance.Day(end);
        member.SignedByPrincipalInvestigator = true;
        member.RelatedToCoreTechnology = true;
    }
}

public sealed class TechTransferMemberRuleTests
{
    public static TheoryData<string, bool> SigningDays => new()
    {
        { "2021/01/01", true },
        { "2020/12/31", false },
        { "2022/01/31", true },
        { "2022/02/01", false },
        { "2021/06/15", true },
    };

    [Theory]
    [MemberData(nameof(SigningDays))]
    public void ATechTransferMemberMustSignWithinTheProjectWindow(string signedOn, bool counted)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Member(m => Transfer(m, signedOn)));
        if (counted)
        {
            verdict.CountedWithoutReasons();
            Assert.Equal([$"技轉會員：技轉簽約日 {signedOn} 在計畫執行期間內（不適用管考截止日規定）"], verdict.Notes);
        }
        else
        {
            Assert.Equal($"技轉簽約日 {signedOn} 不在計畫執行期間 2021/01/01~2022/01/31 內，不列入廠商會員數", verdict.NotCountedBecause());
        }
    }

    [Theory]
    [InlineData(false, true, "技轉會員的技轉須由計畫主持人簽約，不列入廠商會員數")]
    [InlineData(true, false, "技轉會員的技轉須與聯盟核心技術相關，不列入廠商會員數")]
    public void ATechTransferMemberNeedsThePisSignatureAndTheCoreTechnology(bool signedByPi, bool coreTechnology, string reason)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m =>
        {
            Transfer(m, "2021/05/01");
            (m.SignedByPrincipalInvestigator, m.RelatedToCoreTechnology) = (signedByPi, coreTechnology);
        });
        Assert.Equal([reason], alliance.VerdictOn(member).Reasons);
    }

    [Fact]
    public void ATechTransferMemberWhoseContractEndsBeforeTheCutoffStillCounts()
    {
        var alliance = new Alliance();
        var member = alliance.Member(m =>
        {
            Transfer(m, "2021/05/01");
            m.ContractEnd = Alliance.Day("2021/05/31");
        });
        alliance.VerdictOn(member).CountedWithoutReasons();
    }

    private static void Transfer(AllianceMember member, string signedOn)
    {
        member.Basis = MembershipBasis.TechTransfer;
        member.ContractStart = Alliance.Day(signedOn);
        member.ContractEnd = Alliance.Day(signedOn).AddYears(1);
        member.SignedByPrincipalInvestigator = true;
        member.RelatedToCoreTechnology = true;
    }
}
