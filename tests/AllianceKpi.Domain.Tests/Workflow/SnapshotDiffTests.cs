using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Tests.Forms;
using AllianceKpi.Domain.Tests.Kpi;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>Snapshots of the two forms, their hashes, and field-by-field differences between two of them.</summary>
public sealed class SnapshotDiffTests
{
    private static Snapshot Expected(ExpectedResults form) => FormSnapshots.ForExpectedResults(form, Alliance.Expected.Id);

    private static string Hash(Snapshot snapshot) => SnapshotJson.Sha256(SnapshotJson.Write(snapshot));

    [Fact]
    public void TheSameTargetsTypedDifferentlyGiveTheSameHash()
    {
        var once = ExpectedResultsTests.Complete();
        once.MembershipFeeIncome = 10m;
        once.SetNote(1, "第一行\r\n第二行");
        var again = ExpectedResultsTests.Complete();
        again.MembershipFeeIncome = 10.000m;
        again.SetNote(1, "第一行\n第二行");
        Assert.Equal(Hash(Expected(once)), Hash(Expected(again)));
        Assert.Empty(SnapshotDiff.Compare(Expected(once), Expected(again)));
    }

    public static TheoryData<string> TargetKeys
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var target in ExpectedTargets.All)
            {
                data.Add(target.Key);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TargetKeys))]
    public void ChangingOneTargetChangesTheHashAndShowsExactlyThatTarget(string key)
    {
        var before = ExpectedResultsTests.Complete();
        var after = ExpectedResultsTests.Complete();
        var target = ExpectedTargets.All.Single(t => t.Key == key);
        target.Set(after, target.Get(after)!.Value + 1);
        Assert.NotEqual(Hash(Expected(before)), Hash(Expected(after)));
        var changes = SnapshotDiff.Compare(Expected(before), Expected(after));
        var expected = target.Item == 3 ? new[] { "item3.totalIncome", key } : [key];
        Assert.Equal(expected, changes.Select(c => c.Path));
        var change = changes.Single(c => c.Path == key);
        Assert.Equal((SnapshotValue.Of(target.Get(before)), SnapshotValue.Of(target.Get(after))), (change.Before, change.After));
        Assert.StartsWith($"{target.Item}. ", change.Label);
        Assert.Contains(target.Label, change.Label);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void WritingANoteShowsExactlyThatNote(int item)
    {
        var before = ExpectedResultsTests.Complete();
        var after = ExpectedResultsTests.Complete();
        after.SetNote(item, "補充說明");
        var change = Assert.Single(SnapshotDiff.Compare(Expected(before), Expected(after)));
        Assert.Equal(new SnapshotChange($"item{item}.note", $"{item}. {FormItems.ExpectedItem(item).Title}／其它補充說明", null, "補充說明"), change);
    }

    [Fact]
    public void TheStoredTextsCompareLikeTheSnapshots()
    {
        var before = ExpectedResultsTests.Complete();
        var after = ExpectedResultsTests.Complete();
        after.Postdocs = 0;
        var change = Assert.Single(SnapshotDiff.Compare(SnapshotJson.Write(Expected(before)), SnapshotJson.Write(Expected(after))));
        Assert.Equal(("item9.postdocs", "3", "0"), (change.Path, change.Before, change.After));
    }

    [Fact]
    public void AFieldTheLaterSnapshotNoLongerHasIsShownAsRemoved()
    {
        var before = new Snapshot(FormKind.Evaluation, 1, 2, [new("item1", "1.", [new("a", "甲", "1"), new("b", "乙", "2")])], []);
        var after = before with { Sections = [new("item1", "1.", [new("a", "甲", "1")])] };
        Assert.Equal([new SnapshotChange("item1.b", "1.／乙", "2", null)], SnapshotDiff.Compare(before, after));
    }

    private static (Alliance Alliance, AllianceMember Company, EvaluationForm Form) AFirstReport()
    {
        var alliance = new Alliance();
        var company = alliance.Member(m => m.CompanyName = "甲公司");
        alliance.Income(i => (i.MembershipFee, i.MemberId) = (50, company.Id));
        alliance.Cooperation(company, c => c.Budget = 800);
        alliance.Transfer();
        alliance.TechnicalService();
        alliance.Promotion();
        alliance.Service();
        alliance.Derived(company);
        alliance.Member(m => m.CompanyName = "丙公司", Alliance.Second);
        var form = new EvaluationForm { ProjectId = 7, ReportingPeriodId = Alliance.First.Id, NewHires = 2, DerivedOutputValue = 1_000_000 };
        form.Write(1, "招募廠商會員 1 家", null);
        form.Write(8, "新聘 2 人", null);
        return (alliance, company, form);
    }

    private static Snapshot Evaluation(Alliance alliance, EvaluationForm form) =>
        FormSnapshots.ForEvaluation(new EvaluationSnapshotInput(form, alliance.PeriodReport(Alliance.First),
            alliance.CumulativeThrough(Alliance.First), alliance.Entries));

    [Fact]
    public void TheEvaluationSnapshotHoldsEveryItemWithFiguresTextsAndThePeriodsEntries()
    {
        var (alliance, _, form) = AFirstReport();
        var snapshot = Evaluation(alliance, form);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"item{n}"), snapshot.Sections.Select(s => s.Key));
        var item1 = snapshot.Sections[0];
        Assert.Equal("1", item1.Fields.Single(f => f.Key == "companyMembers.period").Value);
        Assert.Equal("招募廠商會員 1 家", item1.Fields.Single(f => f.Key == "narrative").Value);
        Assert.Equal("1000000", snapshot.Sections[7].Fields.Single(f => f.Key == "derivedOutputValue").Value);
        Assert.DoesNotContain(snapshot.Sections[9].Fields, f => f.Key == "narrative");
        Assert.Equal(8, snapshot.Entries.Count);
        Assert.DoesNotContain(snapshot.Entries, e => e.Label.Contains("丙公司", StringComparison.Ordinal));
        var income = snapshot.Entries.Single(e => e.Kind == EntryKind.OperatingIncome);
        Assert.Equal("甲公司（聯盟會員）", income.Fields.Single(f => f.Key == "counterparty").Value);
        Assert.Equal("是", income.Fields.Single(f => f.Key == "counted").Value);
    }

    [Fact]
    public void TheSameEvaluationInAnotherOrderGivesTheSameHash()
    {
        var (alliance, _, form) = AFirstReport();
        var reordered = new EvaluationForm
        {
            ProjectId = 7, ReportingPeriodId = Alliance.First.Id, NewHires = 2, DerivedOutputValue = 1_000_000.000m,
        };
        reordered.Write(8, "新聘 2 人", null);
        reordered.Write(1, "招募廠商會員 1 家\r\n".TrimEnd(), null);
        var entries = alliance.Entries;
        var shuffled = new KpiEntries
        {
            Members = entries.Members.Reverse().ToList(), Incomes = entries.Incomes, CooperationProjects = entries.CooperationProjects,
            TechTransfers = entries.TechTransfers, TechnicalServices = entries.TechnicalServices,
            PromotionActivities = entries.PromotionActivities, MemberServices = entries.MemberServices,
            DerivedResults = entries.DerivedResults,
        };
        var snapshot = FormSnapshots.ForEvaluation(new EvaluationSnapshotInput(reordered, alliance.PeriodReport(Alliance.First),
            alliance.CumulativeThrough(Alliance.First), shuffled));
        Assert.Equal(Hash(Evaluation(alliance, form)), Hash(snapshot));
    }

    public static TheoryData<string, Action<EvaluationForm>> FormChanges => new()
    {
        { "item1.narrative", f => f.Write(1, "招募廠商會員 2 家", null) },
        { "item4.differenceAnalysis", f => f.Write(4, null, "技轉延後簽約") },
        { "item6.attachment", f => f.Item(6).AttachmentId = 55 },
        { "item8.newHires", f => f.NewHires = 3 },
        { "item8.derivedOutputValue", f => f.DerivedOutputValue = 1_000_001 },
        { "item8.derivedOutputMethod", f => f.DerivedOutputMethod = "營收增加額" },
        { "item8.talentPlaced", f => f.TalentPlaced = 1 },
        { "item8.talentCompanies", f => f.TalentCompanies = "甲公司" },
        { "item8.narrative", f => f.Write(8, "新聘 3 人", null) },
        { "item10.masters", f => f.Masters = 4 },
        { "item10.differenceAnalysis", f => f.Write(10, null, "碩士生增加") },
    };

    [Theory]
    [MemberData(nameof(FormChanges))]
    public void ChangingOneFieldOfTheEvaluationShowsExactlyThatField(string path, Action<EvaluationForm> change)
    {
        var (alliance, _, form) = AFirstReport();
        var before = Evaluation(alliance, form);
        change(form);
        var after = Evaluation(alliance, form);
        Assert.NotEqual(Hash(before), Hash(after));
        Assert.Equal(path, Assert.Single(SnapshotDiff.Compare(before, after)).Path);
    }

    [Fact]
    public void ChangingAnEntryShowsItsFieldAndTheFiguresAndVerdictItMoves()
    {
        var (alliance, company, form) = AFirstReport();
        var before = Evaluation(alliance, form);
        company.ContractEnd = new DateOnly(2021, 9, 30);
        var changes = SnapshotDiff.Compare(before, Evaluation(alliance, form)).Select(c => c.Path).ToList();
        Assert.Contains($"entries.Member.{company.Id}.contractEnd", changes);
        Assert.Contains($"entries.Member.{company.Id}.counted", changes);
        Assert.Contains("item1.companyMembers.period", changes);
        var contract = SnapshotDiff.Compare(before, Evaluation(alliance, form)).Single(c => c.Path.EndsWith("contractEnd", StringComparison.Ordinal));
        Assert.Equal(("2022/02/28", "2021/09/30", "招募聯盟會員「甲公司」／契約截止日"), (contract.Before, contract.After, contract.Label));
    }

    [Fact]
    public void AnAddedEntryShowsItsFieldsAsNewAndADeletedOneAsGone()
    {
        var (alliance, _, form) = AFirstReport();
        var before = Evaluation(alliance, form);
        var added = alliance.Promotion(a => a.Name = "第二場推廣");
        var after = Evaluation(alliance, form);
        var changes = SnapshotDiff.Compare(before, after);
        Assert.Contains(new SnapshotChange($"entries.PromotionActivity.{added.Id}.name", "聯盟推廣活動「第二場推廣」／活動名稱", null, "第二場推廣"), changes);
        Assert.All(changes.Where(c => c.Path.StartsWith("entries.", StringComparison.Ordinal)), c => Assert.Null(c.Before));
        var back = SnapshotDiff.Compare(after, before);
        Assert.Contains(new SnapshotChange($"entries.PromotionActivity.{added.Id}.name", "聯盟推廣活動「第二場推廣」／活動名稱", "第二場推廣", null), back);
    }

    [Fact]
    public void ChangesComeInTheFormsOrder()
    {
        var (alliance, _, form) = AFirstReport();
        var before = Evaluation(alliance, form);
        form.Masters = 1;
        form.Write(2, "推廣 1 場", null);
        form.NewHires = 5;
        Assert.Equal(["item2.narrative", "item8.newHires", "item10.masters"],
            SnapshotDiff.Compare(before, Evaluation(alliance, form)).Select(c => c.Path));
    }
}
