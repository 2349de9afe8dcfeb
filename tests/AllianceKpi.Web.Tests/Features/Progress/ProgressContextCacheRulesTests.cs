using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Web.Features.Office;
using AllianceKpi.Web.Features.Progress;
using Microsoft.Extensions.Configuration;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// What <see cref="ProgressContextCache"/> gives back: only the data kept under the project's current stamp and year, for the
/// same period and kinds; nothing when turned off; nothing larger than its bound.
/// </summary>
public sealed class ProgressContextCacheRulesTests
{
    private static ProgressContextCache Cache(int? maxEntries = null) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(maxEntries is { } max
            ? new Dictionary<string, string?> { [ProgressContextCache.SettingMaxEntries] = max.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : [])
        .Build());

    private static readonly int MemberKinds = ProgressContextCache.KindsKey(KpiEngine.InputsOf(EntryKind.Member));

    private static ProgressPageData Data(Project project, int members)
    {
        var year = ProgrammeYear.WithStandardWindows(2021);
        var period = StandardPeriods.For(year, ReportingPeriodKind.FirstReport);
        period.Id = 2;
        year.Periods.Add(period);
        var entries = new KpiEntries
        {
            Members = Enumerable.Range(1, members).Select(i => new AllianceMember
            {
                Id = i, ProjectId = project.Id, ReportingPeriodId = period.Id, Type = MemberType.Company, CompanyName = $"會員{i}",
            }).ToList(),
        };
        var report = KpiEngine.Evaluate(KpiInput.ForPeriod(year, year.Periods, period, entries));
        return new ProgressPageData(project.ProgressStamp, project.Year, year, period, entries, report, null, MemberKinds);
    }

    private static Project Project() => new() { Id = 7, Year = 2021, ProgressStamp = Guid.NewGuid() };

    [Fact]
    public void DataIsFoundUnderTheSameStampYearPeriodAndKindsOnly()
    {
        using var cache = Cache();
        var project = Project();
        var data = Data(project, 3);
        cache.Store(project.Id, data);

        Assert.Same(data, cache.Find(project, 2, MemberKinds));
        Assert.Null(cache.Find(project, 3, MemberKinds));
        Assert.Null(cache.Find(project, 2, ProgressContextCache.KindsKey(KpiEngine.InputsOf(EntryKind.OperatingIncome))));
        Assert.Null(cache.Find(new Project { Id = 8, Year = 2021, ProgressStamp = project.ProgressStamp }, 2, MemberKinds));
        Assert.Null(cache.Find(new Project { Id = 7, Year = 2021, ProgressStamp = Guid.NewGuid() }, 2, MemberKinds));
        Assert.Null(cache.Find(new Project { Id = 7, Year = 2022, ProgressStamp = project.ProgressStamp }, 2, MemberKinds));
    }

    [Fact]
    public void NewerDataReplacesWhatWasKeptForThePage()
    {
        using var cache = Cache();
        var project = Project();
        cache.Store(project.Id, Data(project, 3));
        project.ProgressStamp = Guid.NewGuid();
        var newer = Data(project, 4);
        cache.Store(project.Id, newer);

        Assert.Same(newer, cache.Find(project, 2, MemberKinds));
    }

    [Fact]
    public void TurnedOffItKeepsNothing()
    {
        using var cache = Cache(0);
        var project = Project();
        cache.Store(project.Id, Data(project, 3));

        Assert.False(cache.Enabled);
        Assert.Null(cache.Find(project, 2, MemberKinds));
    }

    [Fact]
    public void APageWithMoreEntriesThanTheBoundIsNotKept()
    {
        using var cache = Cache(50);
        var small = Project();
        var large = new Project { Id = 9, Year = 2021, ProgressStamp = Guid.NewGuid() };
        cache.Store(small.Id, Data(small, 10));
        cache.Store(large.Id, Data(large, 50)); // 51 with the page itself

        Assert.NotNull(cache.Find(small, 2, MemberKinds));
        Assert.Null(cache.Find(large, 2, MemberKinds));
        Assert.Equal(ProgressContextCache.DefaultMaxEntries, ProgressContextCache.MaxEntriesOf(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void EachKindHasItsOwnBitInTheKey()
    {
        var keys = Enum.GetValues<EntryKind>().Select(k => ProgressContextCache.KindsKey(new HashSet<EntryKind> { k })).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)k)));
        Assert.Equal(keys.Aggregate(0, (a, k) => a | k), ProgressContextCache.KindsKey(Enum.GetValues<EntryKind>().ToHashSet()));
    }

    [Fact]
    public void DataHoldsTheKindsItsListsWereReadFor()
    {
        var income = Data(Project(), 1) with { Kinds = ProgressContextCache.KindsKey(KpiEngine.InputsOf(EntryKind.OperatingIncome)) };

        Assert.True(Data(Project(), 1).Holds(EntryKind.Member));
        Assert.False(Data(Project(), 1).Holds(EntryKind.OperatingIncome));
        Assert.True(income.Holds(EntryKind.OperatingIncome));
        Assert.True(income.Holds(EntryKind.Member)); // an income's payer may be a member
        Assert.False(income.Holds(EntryKind.PromotionActivity));
    }
}
