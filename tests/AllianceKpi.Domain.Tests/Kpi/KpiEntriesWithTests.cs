using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>
/// <see cref="KpiEntries.With{T}"/>: one entry replaced, put in its place by id, or taken out, as a fresh read in id order
/// would list them; the other lists stay the same objects.
/// </summary>
public sealed class KpiEntriesWithTests
{
    private static AllianceMember Member(int id, string name = "") => new() { Id = id, CompanyName = name };

    private static readonly KpiEntries Entries = new()
    {
        Members = [Member(2), Member(5), Member(9)],
        Incomes = [new OperatingIncome { Id = 3 }],
        DerivedResults = [new DerivedResult { Id = 4 }],
    };

    private static int[] Ids(KpiEntries entries) => [.. entries.Members.Select(m => m.Id)];

    [Fact]
    public void AChangedEntryTakesItsOwnPlace()
    {
        var changed = Member(5, "新名稱");

        var with = Entries.With(5, changed);

        Assert.Equal([2, 5, 9], Ids(with));
        Assert.Same(changed, with.Members[1]);
        Assert.Same(Entries.Members[0], with.Members[0]);
        Assert.Equal([2, 5, 9], Ids(Entries)); // the original is not changed
        Assert.NotSame(changed, Entries.Members[1]);
        Assert.Same(Entries.Incomes, with.Incomes);
        Assert.Same(Entries.DerivedResults, with.DerivedResults);
    }

    [Theory]
    [InlineData(1, new[] { 1, 2, 5, 9 })]
    [InlineData(7, new[] { 2, 5, 7, 9 })]
    [InlineData(12, new[] { 2, 5, 9, 12 })]
    public void ANewEntryIsPutInItsPlaceById(int id, int[] expected)
    {
        Assert.Equal(expected, Ids(Entries.With(id, Member(id))));
        Assert.Equal(expected, Ids(new KpiEntries { Members = [Member(2), Member(5), Member(9)] }.With(id, Member(id))));
    }

    [Fact]
    public void ADeletedOrVanishedEntryIsTakenOut()
    {
        Assert.Equal([2, 9], Ids(Entries.With<AllianceMember>(5, null)));
        Assert.Equal([2, 5, 9], Ids(Entries.With<AllianceMember>(6, null)));
        Assert.Empty(new KpiEntries().With<AllianceMember>(6, null).Members);
    }

    [Fact]
    public void EachKindGoesToItsOwnList()
    {
        var income = new OperatingIncome { Id = 8 };
        var derived = new DerivedResult { Id = 1 };

        var with = Entries.With(8, income).With(1, derived);

        Assert.Equal([3, 8], with.Incomes.Select(i => i.Id));
        Assert.Equal([1, 4], with.DerivedResults.Select(d => d.Id));
        Assert.Same(Entries.Members, with.Members);
        Assert.Equal(EntryKind.TechnicalService, KpiEntries.KindOf(typeof(TechnicalService)));
        Assert.Throws<ArgumentException>(() => KpiEntries.KindOf(typeof(string)));
    }
}
