using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>
/// A page about one kind of entry loads only <see cref="KpiEngine.InputsOf"/> that kind. These tests hold the engine to it:
/// on an alliance where every rule that looks across kinds applies (the same money as a cooperation project or a tech
/// transfer, a member service that is also a promotion, partners that are members, 其它會員, an expired contract), every
/// kind's verdicts from its inputs alone equal those from all the entries, in every view.
/// </summary>
public class KpiEngineInputsTests
{
    public static TheoryData<EntryKind> Kinds() => new(Enum.GetValues<EntryKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AKindsVerdictsFromItsInputsAloneEqualThoseFromAllEntries(EntryKind kind)
    {
        var alliance = RichAlliance();
        var only = alliance.Entries.Only(KpiEngine.InputsOf(kind));
        foreach (var (view, all, part) in Views(alliance, only))
        {
            var expected = Describe(all.Of(kind));
            Assert.True(expected.Count > 0, view);
            Assert.Equal(expected, Describe(part.Of(kind)));
            if (kind == EntryKind.Member)
            {
                Assert.Equal(Describe(all.EarlierValidMembers), Describe(part.EarlierValidMembers));
            }
        }
    }

    [Fact]
    public void TheAllianceHasEntriesCountedAndNotCountedOfEveryKind()
    {
        var report = RichAlliance().CumulativeThrough(Alliance.Second);
        foreach (var kind in Enum.GetValues<EntryKind>())
        {
            Assert.True(report.Of(kind).Any(v => v.Counted) && report.Of(kind).Any(v => !v.Counted),
                $"{kind}: " + string.Join(" | ", Describe(report.Of(kind))));
        }
    }

    /// <summary>
    /// The check above can fail: leave out what a kind depends on (income: the cooperation projects and transfers, the same
    /// money; member services: the promotions, one event) and a verdict changes.
    /// </summary>
    [Theory]
    [InlineData(EntryKind.OperatingIncome)]
    [InlineData(EntryKind.MemberService)]
    public void WithoutTheOtherKindsItReadsAVerdictChanges(EntryKind kind)
    {
        var alliance = RichAlliance();
        var all = alliance.PeriodReport();
        var part = KpiEngine.Evaluate(KpiInput.ForPeriod(alliance.Year, Alliance.Periods, Alliance.First,
            alliance.Entries.Only(new HashSet<EntryKind> { EntryKind.Member, kind })));
        Assert.NotEqual(Describe(all.Of(kind)), Describe(part.Of(kind)));
    }

    [Fact]
    public void EveryKindNeedsItsOwnListAndTheMembers()
    {
        foreach (var kind in Enum.GetValues<EntryKind>())
        {
            Assert.Contains(kind, KpiEngine.InputsOf(kind));
            Assert.Contains(EntryKind.Member, KpiEngine.InputsOf(kind));
        }
        Assert.Single(KpiEngine.InputsOf(EntryKind.Member));
    }

    private static IEnumerable<(string View, KpiReport All, KpiReport Part)> Views(Alliance alliance, KpiEntries only)
    {
        var year = alliance.Year;
        var periods = Alliance.Periods;
        yield return ("第一次 period", alliance.PeriodReport(Alliance.First), KpiEngine.Evaluate(KpiInput.ForPeriod(year, periods, Alliance.First, only)));
        yield return ("第二次 period", alliance.PeriodReport(Alliance.Second), KpiEngine.Evaluate(KpiInput.ForPeriod(year, periods, Alliance.Second, only)));
        yield return ("第二次 cumulative", alliance.CumulativeThrough(Alliance.Second),
            KpiEngine.Evaluate(KpiInput.CumulativeThrough(year, periods, Alliance.Second, only)));
        yield return ("whole execution", alliance.WholeExecution(), KpiEngine.Evaluate(KpiInput.WholeExecution(year, periods, only)));
    }

    private static List<string> Describe(IEnumerable<Verdict> verdicts) =>
        verdicts.Select(v => $"{v.Kind} {v.EntryId} {(v.Counted ? "列計" : "不列計")} {string.Join("；", v.Reasons)}").ToList();

    /// <summary>Entries of every kind in two reports, counted and not, with every rule that reads another kind's list.</summary>
    private static Alliance RichAlliance()
    {
        var alliance = new Alliance();
        var company = alliance.Member(m => m.CompanyName = "甲公司");
        var other = alliance.Member(m => m.Type = MemberType.ResearchInstitute);
        var expired = alliance.Member(m => m.ContractEnd = Alliance.Day("2021/09/30"));
        alliance.Member(m => m.CompanyName = "甲公司"); // the same company again
        var later = alliance.Member(m => m.CompanyName = "丙公司", Alliance.Second);

        alliance.Cooperation(company, p => (p.Name, p.Budget) = ("智慧感測產學合作", 500));
        alliance.Cooperation(expired, p => p.Budget = 120);
        alliance.Cooperation(null, p => (p.CounterpartyName, p.Budget) = ("非會員公司", 70));
        alliance.Cooperation(other, p => p.Budget = 60);
        alliance.Cooperation(later, p => p.Budget = 90, Alliance.Second);
        alliance.Transfer(t => (t.Name, t.CounterpartyName, t.Amount) = ("感測模組技轉", "乙公司", 300));
        alliance.Transfer(t => (t.CounterpartyName, t.MemberId) = (null, other.Id));
        alliance.Transfer(t => t.SignedOn = Alliance.Day("2021/08/01"), Alliance.Second);

        alliance.Income(i => (i.MemberId, i.MembershipFee, i.OtherIncome) = (company.Id, 0, 500));
        alliance.Income(i => (i.CounterpartyName, i.MembershipFee, i.OtherIncome) = ("乙公司", 0, 300));
        alliance.Income(i => (i.MemberId, i.MembershipFee, i.TechnicalServiceFee) = (other.Id, 20, 40));
        alliance.Income(i => (i.MemberId, i.MembershipFee) = (company.Id, 35));
        alliance.Income(i => (i.MemberId, i.MembershipFee) = (later.Id, 12), Alliance.Second);
        alliance.Income(i => (i.MemberId, i.AccountingDate) = (company.Id, Alliance.Day("2021/01/15")), Alliance.Second);

        alliance.TechnicalService(s => (s.CounterpartyName, s.MemberId) = (null, company.Id));
        alliance.TechnicalService(s => (s.CounterpartyName, s.MemberId) = (null, other.Id));
        alliance.TechnicalService(s => s.Date = Alliance.Day("2022/03/01"), Alliance.Second);

        alliance.Promotion(a => (a.Name, a.Date) = ("感測技術 研討會", Alliance.Day("2021/06/15")));
        alliance.Promotion(a => a.Date = Alliance.Day("2020/12/01"));
        alliance.Promotion(a => a.Name = "第二場說明會", Alliance.Second);
        alliance.Service(s => (s.Title, s.Date) = ("感測技術研討會", Alliance.Day("2021/06/15")));
        alliance.Service(s => (s.Title, s.Date) = ("工作坊", Alliance.Day("2021/07/15")));
        alliance.Service(s => (s.Title, s.Date) = ("訪廠", Alliance.Day("2021/09/15")), Alliance.Second);

        alliance.Derived(company);
        alliance.Derived(other);
        alliance.Derived(later, d => d.Date = Alliance.Day("2021/10/01"), Alliance.Second);
        return alliance;
    }
}
