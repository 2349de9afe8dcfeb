using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>The report as a whole: every figure from one alliance, verdict lookup, and the measures' labels.</summary>
public sealed class KpiReportTests
{
    private static Alliance AYearOfWork()
    {
        var alliance = new Alliance();
        var company = alliance.Member(m => m.CompanyName = "甲公司");
        alliance.Member(m => m.Type = MemberType.Association);
        alliance.Member(m => m.Type = MemberType.ResearchInstitute);
        alliance.Member(m => m.Type = MemberType.Individual, Alliance.Second);
        alliance.Income(i => (i.MembershipFee, i.TechnicalServiceFee, i.OtherIncome) = (50, 30, 20));
        alliance.Income(i => (i.MembershipFee, i.AccountingDate) = (99, Alliance.Day("2021/01/15")));
        alliance.Cooperation(company, p => p.Budget = 800);
        alliance.Transfer(t => t.Amount = 300);
        alliance.TechnicalService(s => s.Amount = 45);
        alliance.Promotion(a => a.Participants = 80);
        alliance.Service(s => (s.Kind, s.CompanyAttendees) = (MemberServiceKind.Seminar, 40));
        alliance.Service(s => (s.Kind, s.CompanyAttendees) = (MemberServiceKind.Consulting, 6), Alliance.Second);
        alliance.Service(s => (s.Kind, s.CompanyAttendees) = (MemberServiceKind.SiteVisit, 3), Alliance.Second);
        alliance.Derived(company, r => r.Kind = DerivedResultKind.NewProduct);
        alliance.Derived(company, r => r.Kind = DerivedResultKind.NewTechnology);
        alliance.Derived(company, r => r.Kind = DerivedResultKind.PatentApplied, Alliance.Second);
        alliance.Derived(company, r => (r.Kind, r.PatentNumber) = (DerivedResultKind.PatentGranted, "I700001"), Alliance.Second);
        return alliance;
    }

    public static TheoryData<KpiMeasure, decimal, decimal> Expected => new()
    {
        { KpiMeasure.CompanyMembers, 2, 2 },
        { KpiMeasure.OtherMembers, 1, 1 },
        { KpiMeasure.IndividualMembers, 0, 1 },
        { KpiMeasure.PromotionEvents, 1, 1 },
        { KpiMeasure.PromotionPeople, 80, 80 },
        { KpiMeasure.MembershipFeeIncome, 50, 50 },
        { KpiMeasure.TechnicalServiceIncome, 30, 30 },
        { KpiMeasure.OtherIncome, 20, 20 },
        { KpiMeasure.TotalIncome, 100, 100 },
        { KpiMeasure.TechTransferCount, 1, 1 },
        { KpiMeasure.TechTransferAmount, 300, 300 },
        { KpiMeasure.SeminarEvents, 1, 1 },
        { KpiMeasure.SeminarPeople, 40, 40 },
        { KpiMeasure.ConsultingSessions, 0, 1 },
        { KpiMeasure.ConsultingPeople, 0, 6 },
        { KpiMeasure.SiteVisits, 0, 1 },
        { KpiMeasure.SiteVisitPeople, 0, 3 },
        { KpiMeasure.CooperationCount, 1, 1 },
        { KpiMeasure.CooperationAmount, 800, 800 },
        { KpiMeasure.NewProducts, 1, 1 },
        { KpiMeasure.NewTechnologies, 1, 1 },
        { KpiMeasure.PatentsApplied, 0, 1 },
        { KpiMeasure.PatentsGranted, 0, 1 },
        { KpiMeasure.TechnicalServiceCount, 1, 1 },
        { KpiMeasure.TechnicalServiceAmount, 45, 45 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void EveryFigureComesFromTheEntriesOfItsView(KpiMeasure measure, decimal firstReport, decimal wholeExecution)
    {
        var alliance = AYearOfWork();
        Assert.Equal(firstReport, alliance.PeriodReport(Alliance.First).Figures.Value(measure));
        Assert.Equal(wholeExecution, alliance.WholeExecution().Figures.Value(measure));
    }

    [Fact]
    public void EveryEntryInScopeHasOneVerdictGroupedByKind()
    {
        var alliance = AYearOfWork();
        var report = alliance.WholeExecution();
        Assert.Equal(alliance.Entries.Count, report.Verdicts.Count);
        var kinds = report.Verdicts.Select(v => v.Kind).ToList();
        Assert.Equal(kinds.OrderBy(k => k), kinds);
        Assert.Single(report.Verdicts, v => v is { Kind: EntryKind.OperatingIncome, Counted: false });
    }

    [Fact]
    public void TheSameInputGivesTheSameReport()
    {
        var alliance = AYearOfWork();
        var once = alliance.WholeExecution();
        var again = alliance.WholeExecution();
        Assert.Equal(once.Figures, again.Figures);
        Assert.Equal(once.Verdicts.Select(v => v.ToString()), again.Verdicts.Select(v => v.ToString()));
    }

    [Fact]
    public void AnUnknownEntryHasNoVerdict() =>
        Assert.Null(AYearOfWork().WholeExecution().Find(EntryKind.TechTransfer, 123456));

    [Fact]
    public void EveryMeasureHasALabelAUnitAndAValue()
    {
        var figures = AYearOfWork().WholeExecution().Figures;
        foreach (var measure in Enum.GetValues<KpiMeasure>())
        {
            var info = KpiMeasures.Info(measure);
            Assert.False(string.IsNullOrEmpty(info.Label));
            Assert.False(string.IsNullOrEmpty(info.Unit));
            _ = figures.Value(measure);
        }
        Assert.Equal(Enum.GetValues<KpiMeasure>().Length, KpiMeasures.All.Count);
        Assert.Equal("聯盟廠商會員家數", KpiMeasures.Info(KpiMeasure.CompanyMembers).Label);
    }
}
