using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>KPI 2: promotion activities held within the project window (場, 人).</summary>
public sealed class PromotionActivityRuleTests
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
    public void AnActivityCountsWhenHeldInTheProjectWindow(string day, bool counted)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Promotion(a => a.Date = Alliance.Day(day)));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            Assert.Equal($"活動日期 {day} 不在計畫執行期間 2021/01/01~2022/01/31 內，不列入聯盟推廣活動", verdict.NotCountedBecause());
        }
    }

    [Fact]
    public void ActivitiesAddUpEventsAndParticipants()
    {
        var alliance = new Alliance();
        alliance.Promotion(a => a.Participants = 40);
        alliance.Promotion(a => a.Participants = 25);
        alliance.Promotion(a => a.Participants = 0);
        Assert.Equal(new EventFigures(3, 65), alliance.PeriodReport().Figures.Promotion);
    }
}

/// <summary>KPI 5: services to members count when companies attend, within the project window, and not twice as promotion.</summary>
public sealed class MemberServiceRuleTests
{
    public static TheoryData<MemberServiceKind, int, bool, string> Attendances => new()
    {
        { MemberServiceKind.Seminar, 1, true, "" },
        { MemberServiceKind.Seminar, 0, false, "廠商參與人數為 0：認計對象為廠商，不列入技術研討會" },
        { MemberServiceKind.Consulting, 2, true, "" },
        { MemberServiceKind.Consulting, 0, false, "廠商參與人數為 0：認計對象為廠商，不列入專業諮詢服務" },
        { MemberServiceKind.SiteVisit, 3, true, "" },
        { MemberServiceKind.SiteVisit, 0, false, "廠商參與人數為 0：認計對象為廠商，不列入訪廠現地指導" },
    };

    [Theory]
    [MemberData(nameof(Attendances))]
    public void AServiceCountsOnlyWhenCompaniesAttend(MemberServiceKind kind, int attendees, bool counted, string reason)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Service(s => (s.Kind, s.CompanyAttendees) = (kind, attendees)));
        if (counted)
        {
            verdict.CountedWithoutReasons();
        }
        else
        {
            Assert.Equal(reason, verdict.NotCountedBecause());
        }
    }

    [Theory]
    [InlineData("2021/01/01", true)]
    [InlineData("2020/12/31", false)]
    [InlineData("2022/01/31", true)]
    [InlineData("2022/02/01", false)]
    public void AServiceCountsWhenHeldInTheProjectWindow(string day, bool counted)
    {
        var alliance = new Alliance();
        var verdict = alliance.VerdictOn(alliance.Service(s => s.Date = Alliance.Day(day)));
        Assert.Equal(counted, verdict.Counted);
        if (!counted)
        {
            verdict.NotCountedBecause($"日期 {day} 不在計畫執行期間 2021/01/01~2022/01/31 內，不列入技術研討會");
        }
    }

    [Fact]
    public void AServiceThatIsAlsoReportedAsPromotionIsNotCountedTwice()
    {
        var alliance = new Alliance();
        alliance.Promotion(a => (a.Name, a.Date) = ("感測技術 研討會", Alliance.Day("2021/06/15")));
        var verdict = alliance.VerdictOn(alliance.Service(s => (s.Title, s.Date) = ("感測技術研討會", Alliance.Day("2021/06/15"))));
        Assert.Equal(
            "與聯盟推廣活動「感測技術 研討會」（2021/06/15）為同一場活動：本項目勿與推廣活動重複計算，不列入技術研討會",
            verdict.NotCountedBecause());
        Assert.Equal(1, alliance.PeriodReport().Figures.Promotion.Events);
    }

    [Fact]
    public void TheSameTitleOnAnotherDayIsAnotherEvent()
    {
        var alliance = new Alliance();
        alliance.Promotion(a => (a.Name, a.Date) = ("感測技術研討會", Alliance.Day("2021/06/14")));
        alliance.VerdictOn(alliance.Service(s => (s.Title, s.Date) = ("感測技術研討會", Alliance.Day("2021/06/15")))).CountedWithoutReasons();
    }

    [Fact]
    public void ServicesAddUpByKind()
    {
        var alliance = new Alliance();
        alliance.Service(s => (s.Kind, s.CompanyAttendees) = (MemberServiceKind.Seminar, 60));
        alliance.Service(s => (s.Kind, s.CompanyAttendees) = (MemberServiceKind.Seminar, 75));
        alliance.Service(s => (s.Kind, s.CompanyAttendees) = (MemberServiceKind.Consulting, 12));
        alliance.Service(s => (s.Kind, s.CompanyAttendees) = (MemberServiceKind.SiteVisit, 5));
        alliance.Service(s => (s.Kind, s.CompanyAttendees) = (MemberServiceKind.SiteVisit, 0));
        var services = alliance.PeriodReport().Figures.Services;
        Assert.Equal(new EventFigures(2, 135), services.Seminars);
        Assert.Equal(new EventFigures(1, 12), services.Consulting);
        Assert.Equal(new EventFigures(1, 5), services.SiteVisits);
    }
}
