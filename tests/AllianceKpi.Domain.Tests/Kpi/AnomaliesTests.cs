using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>The cockpit's anomaly flags: each rule's flagged side and its not-flagged side, at the boundaries.</summary>
public sealed class AnomaliesTests
{
    private static readonly DateOnly InFirstReport = Alliance.Day("2021/06/01");

    private static IReadOnlyList<Anomaly> Detect(DateOnly today, params Alliance[] alliances)
    {
        var year = alliances[0].Year;
        var entries = alliances.Select((a, i) => (Id: i + 1, a.Entries)).ToDictionary(p => p.Id, p => p.Entries);
        return Anomalies.Detect(new AnomalyInput(year, Alliance.Periods, entries, today));
    }

    private static IReadOnlyList<Anomaly> Of(IReadOnlyList<Anomaly> anomalies, AnomalyKind kind) => anomalies.Where(a => a.Kind == kind).ToList();

    public static TheoryData<string, string, string?, string?, bool> Companies => new()
    {
        { "甲科技股份有限公司", "甲科技股份有限公司", null, null, true },
        { "甲科技股份有限公司", "乙科技股份有限公司", "22099131", "22099131", true },
        { "ＡＢＣ 科技有限公司", "abc科技公司", null, null, true },
        { "臺灣精密股份有限公司", "台灣精密", null, null, true },
        { "甲科技股份有限公司", "甲科技二廠股份有限公司", null, null, false },
        { "甲科技股份有限公司", "乙科技股份有限公司", "22099131", "04595257", false },
    };

    [Theory]
    [MemberData(nameof(Companies))]
    public void TheSameCompanyInTwoAlliancesIsFlaggedByTaxIdOrNormalisedName(string firstName, string secondName, string? firstTaxId,
        string? secondTaxId, bool flagged)
    {
        var (first, second) = (new Alliance(), new Alliance());
        var a = first.Member(m => (m.CompanyName, m.TaxId) = (firstName, firstTaxId));
        var b = second.Member(m => (m.CompanyName, m.TaxId) = (secondName, secondTaxId));

        var shared = Of(Detect(InFirstReport, first, second), AnomalyKind.SharedCompany);

        if (flagged)
        {
            var anomaly = Assert.Single(shared);
            Assert.Equal([new AnomalySite(1, a.ReportingPeriodId, EntryKind.Member, a.Id), new AnomalySite(2, b.ReportingPeriodId, EntryKind.Member, b.Id)],
                anomaly.Sites);
            Assert.Contains("同時為 2 個聯盟的會員", anomaly.Message);
        }
        else
        {
            Assert.Empty(shared);
        }
    }

    [Fact]
    public void TheSameCompanyTwiceInOneAllianceAndIndividualsAreNotFlagged()
    {
        var (first, second) = (new Alliance(), new Alliance());
        first.Member(m => m.CompanyName = "甲科技股份有限公司");
        first.Member(m => m.CompanyName = "甲科技股份有限公司", Alliance.Second);
        first.Member(m => (m.CompanyName, m.Type) = ("王小明", MemberType.Individual));
        second.Member(m => (m.CompanyName, m.Type) = ("王小明", MemberType.Individual));

        Assert.Empty(Of(Detect(InFirstReport, first, second), AnomalyKind.SharedCompany));
    }

    [Fact]
    public void ATaxIdAndANameChainThreeAlliancesIntoOneFlag()
    {
        var (first, second, third) = (new Alliance(), new Alliance(), new Alliance());
        first.Member(m => (m.CompanyName, m.TaxId) = ("甲科技股份有限公司", "22099131"));
        second.Member(m => (m.CompanyName, m.TaxId) = ("甲科技（新名）", "22099131"));
        third.Member(m => m.CompanyName = "甲科技（新名）有限公司");

        var anomaly = Assert.Single(Of(Detect(InFirstReport, first, second, third), AnomalyKind.SharedCompany));
        Assert.Equal([1, 2, 3], anomaly.Sites.Select(s => s.ProjectId));
        Assert.Equal("「甲科技股份有限公司」（統一編號 22099131）同時為 3 個聯盟的會員", anomaly.Message);
    }

    public static TheoryData<string, MembershipBasis, bool> ContractEnds => new()
    {
        { "2021/10/31", MembershipBasis.Contract, false },
        { "2021/10/30", MembershipBasis.Contract, true },
        { "2021/10/24", MembershipBasis.Contract, true },
        { "2021/10/23", MembershipBasis.Contract, false },
        { "2021/11/01", MembershipBasis.Contract, false },
        { "2021/10/27", MembershipBasis.Memorandum, true },
        { "2021/10/27", MembershipBasis.Application, true },
        { "2021/10/27", MembershipBasis.CooperationProject, false },
        { "2021/10/27", MembershipBasis.TechTransfer, false },
    };

    [Theory]
    [MemberData(nameof(ContractEnds))]
    public void AContractEndingOneToSevenDaysBeforeTheCutoffIsFlagged(string end, MembershipBasis basis, bool flagged)
    {
        var alliance = new Alliance();
        var member = alliance.Member(m => (m.ContractEnd, m.Basis, m.CompanyName) = (Alliance.Day(end), basis, "丙公司"));

        var ending = Of(Detect(InFirstReport, alliance), AnomalyKind.ContractEndsJustBeforeCutoff);

        if (flagged)
        {
            var anomaly = Assert.Single(ending);
            Assert.Equal(new AnomalySite(1, member.ReportingPeriodId, EntryKind.Member, member.Id), Assert.Single(anomaly.Sites));
            var days = Alliance.Day("2021/10/31").DayNumber - Alliance.Day(end).DayNumber;
            Assert.Equal($"會員「丙公司」契約截止日 {end}，在管考截止日 2021/10/31 前 {days} 天", anomaly.Message);
        }
        else
        {
            Assert.Empty(ending);
        }
    }

    [Theory]
    [InlineData("2022/01/31", true)]
    [InlineData("2022/01/30", false)]
    [InlineData("2021/02/01", false)]
    public void AnIncomeDatedOnTheIncomeWindowsLastDayIsFlagged(string date, bool flagged)
    {
        var alliance = new Alliance();
        var income = alliance.Income(i => i.AccountingDate = Alliance.Day(date));

        var lastDay = Of(Detect(InFirstReport, alliance), AnomalyKind.IncomeOnLastDay);

        if (flagged)
        {
            var anomaly = Assert.Single(lastDay);
            Assert.Equal(new AnomalySite(1, income.ReportingPeriodId, EntryKind.OperatingIncome, income.Id), Assert.Single(anomaly.Sites));
            Assert.Equal("營運收入 10 仟元的會計核定日期 2022/01/31 為收入認列期間 2021/02/01~2022/01/31 的最後一天", anomaly.Message);
        }
        else
        {
            Assert.Empty(lastDay);
        }
    }

    [Fact]
    public void AProjectWithoutEntriesInAPeriodThatAcceptsReportsIsFlaggedAndOneWithAnEntryIsNot()
    {
        var (empty, busy, earlierOnly) = (new Alliance(), new Alliance(), new Alliance());
        busy.Promotion();
        earlierOnly.Promotion(period: Alliance.Second);

        // The test alliance's periods have no open date: every one of them accepts reports; look at the first report only.
        var flags = Of(Detect(InFirstReport, empty, busy, earlierOnly), AnomalyKind.NoEntriesInOpenPeriod)
            .Where(f => f.Sites[0].PeriodId == Alliance.First.Id).ToList();

        Assert.Equal([new AnomalySite(1, Alliance.First.Id), new AnomalySite(3, Alliance.First.Id)], flags.Select(f => Assert.Single(f.Sites)));
        Assert.All(flags, f => Assert.StartsWith($"「{Alliance.First.Name}」開放填報中", f.Message));
    }

    [Theory]
    [InlineData("2021/01/31", false)]
    [InlineData("2021/02/01", true)]
    [InlineData("2021/10/31", true)]
    [InlineData("2021/11/01", false)]
    public void OnlyAPeriodThatAcceptsReportsTodayIsOpen(string today, bool flagged)
    {
        var year = ProgrammeYear.WithStandardWindows(2021);
        var first = new ReportingPeriod
        {
            Id = 2, Kind = ReportingPeriodKind.FirstReport, Name = "第一次", OpensOn = Alliance.Day("2021/02/01"),
            Deadline = Alliance.Day("2021/10/31"), State = ReportingPeriodState.Open,
        };
        var entries = new Dictionary<int, KpiEntries> { [1] = new() };

        var flags = Anomalies.Detect(new AnomalyInput(year, [first], entries, Alliance.Day(today)));

        Assert.Equal(flagged, flags.Any(f => f.Kind == AnomalyKind.NoEntriesInOpenPeriod));
    }
}
