using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Tests.Forms;

/// <summary>預期成果: the targets of PRODUCT 3.1, 總收入, 其它補充說明 and what a draft may hold.</summary>
public sealed class ExpectedResultsTests
{
    public static ExpectedResults Complete()
    {
        var form = new ExpectedResults { ProjectId = 7, Year = 2021 };
        foreach (var target in ExpectedTargets.All)
        {
            target.Set(form, target.Kind switch { NumberKind.Count => 3, NumberKind.Thousands => 12.5m, _ => 1_500_000 });
        }
        return form;
    }

    [Theory]
    [InlineData(null, null, null, 0d)]
    [InlineData(100d, null, null, 100d)]
    [InlineData(100d, 50.5, 0.125, 150.625)]
    [InlineData(0d, 0d, 0d, 0d)]
    public void TotalIncomeIsMembershipFeesPlusTechnicalServicesPlusOther(double? fee, double? service, double? other, double total)
    {
        var form = new ExpectedResults
        {
            MembershipFeeIncome = (decimal?)fee, TechnicalServiceIncome = (decimal?)service, OtherIncome = (decimal?)other,
        };
        Assert.Equal((decimal)total, form.TotalIncome);
    }

    [Fact]
    public void EveryItemOfTheFormHasItsTargetsInTheFormsOrder()
    {
        Assert.Equal(Enumerable.Range(1, 9), FormItems.Expected.Select(i => i.Number));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], ExpectedTargets.All.Select(t => t.Item).Distinct());
        Assert.Equal(ExpectedTargets.All.Count, ExpectedTargets.All.Select(t => t.Key).Distinct().Count());
        Assert.Equal(["大學", "碩士", "博士", "博後", "專任助理"], ExpectedTargets.OfItem(9).Select(t => t.Label));
        Assert.Equal("元", ExpectedTargets.All.Single(t => t.Name == "derivedOutputValue").Unit);
        Assert.All(ExpectedTargets.OfItem(3), t => Assert.Equal("仟元", t.Unit));
    }

    [Fact]
    public void EachTargetReadsAndWritesItsOwnProperty()
    {
        foreach (var target in ExpectedTargets.All)
        {
            var form = new ExpectedResults();
            target.Set(form, 7);
            Assert.Equal(7m, target.Get(form));
            Assert.All(ExpectedTargets.All.Where(t => t != target), other => Assert.Null(other.Get(form)));
        }
    }

    [Fact]
    public void EveryKpiWithATargetFindsIt()
    {
        var form = Complete();
        form.CompanyMembers = 10;
        form.MembershipFeeIncome = 100;
        form.TechnicalServiceIncome = 20;
        form.OtherIncome = 0;
        Assert.Equal(10m, form.TargetOf(KpiMeasure.CompanyMembers));
        Assert.Equal(120m, form.TargetOf(KpiMeasure.TotalIncome));
        Assert.Equal(3m, form.TargetOf(KpiMeasure.SiteVisitPeople));
        foreach (var info in KpiMeasures.All.Where(m => !m.Informational && m.Measure != KpiMeasure.TechTransferCount))
        {
            Assert.NotNull(form.TargetOf(info.Measure));
        }
    }

    [Theory]
    [InlineData(KpiMeasure.OtherMembers)]
    [InlineData(KpiMeasure.IndividualMembers)]
    [InlineData(KpiMeasure.TechTransferCount)]
    [InlineData(KpiMeasure.TechnicalServiceAmount)]
    public void MeasuresWithoutATargetHaveNone(KpiMeasure measure) => Assert.Null(Complete().TargetOf(measure));

    [Fact]
    public void TotalIncomeHasNoTargetWhileAllThreePartsAreBlank()
    {
        var form = new ExpectedResults();
        Assert.Null(form.TargetOf(KpiMeasure.TotalIncome));
        form.OtherIncome = 0;
        Assert.Equal(0m, form.TargetOf(KpiMeasure.TotalIncome));
    }

    [Fact]
    public void ANoteIsKeptWithLineBreaksNormalisedAndABlankRemovesIt()
    {
        var form = new ExpectedResults();
        form.SetNote(3, "1. 會員費\r\n2. 技術服務");
        Assert.Equal("1. 會員費\n2. 技術服務", form.NoteOf(3));
        form.SetNote(3, "改寫");
        Assert.Equal("改寫", Assert.Single(form.Notes).Text);
        form.SetNote(3, "  \r\n");
        Assert.Empty(form.Notes);
        Assert.Null(form.NoteOf(3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void ThereIsNoNoteOutsideItemsOneToNine(int item) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpectedResults().SetNote(item, "x"));

    [Fact]
    public void ABlankOrCompleteDraftHasNoViolations()
    {
        Assert.Empty(new ExpectedResults().Check());
        Assert.Empty(Complete().Check());
    }

    /// <summary>target key, value, the violation (null: kept).</summary>
    public static TheoryData<string, double, string?> Numbers => new()
    {
        { "item1.companyMembers", 0, null },
        { "item1.companyMembers", 999999, null },
        { "item1.companyMembers", 1000000, "「聯盟廠商會員家數」請輸入 0 以上的整數。" },
        { "item1.companyMembers", -1, "「聯盟廠商會員家數」請輸入 0 以上的整數。" },
        { "item3.membershipFeeIncome", 0.125, null },
        { "item3.membershipFeeIncome", 0.1255, "「會員費收入」金額須為不小於 0 的數字，小數最多 3 位。" },
        { "item3.membershipFeeIncome", -0.001, "「會員費收入」金額須為不小於 0 的數字，小數最多 3 位。" },
        { "item3.membershipFeeIncome", 1e16, "「會員費收入」金額過大，請確認單位為仟元。" },
        { "item8.derivedOutputValue", 1500000, null },
        { "item8.derivedOutputValue", 1500000.5, "「聯盟會員衍生產值」金額須為不小於 0 的整數（單位為元）。" },
        { "item8.derivedOutputValue", -1, "「聯盟會員衍生產值」金額須為不小於 0 的整數（單位為元）。" },
        { "item8.derivedOutputValue", 1e16, "「聯盟會員衍生產值」金額過大，請確認單位為元。" },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void ADraftRefusesOnlyNumbersThatCannotBeTargets(string key, double value, string? violation)
    {
        var form = new ExpectedResults();
        var target = ExpectedTargets.All.Single(t => t.Key == key);
        target.Set(form, (decimal)value);
        var problems = form.Check();
        Assert.Equal(violation, problems.SingleOrDefault()?.Message);
        Assert.All(problems, p => Assert.Equal(key, p.Field));
    }

    [Fact]
    public void ADraftKeepsANoteOverItsLimitButNotBeyondTheStorageGuard()
    {
        var form = new ExpectedResults();
        form.SetNote(2, new string('字', TextLimits.ExpectedNote + 100));
        Assert.Empty(form.Check());
        form.SetNote(2, new string('字', TextLimits.ExpectedNote * TextLength.CodeUnitsPerCharacter + 1));
        var violation = Assert.Single(form.Check());
        Assert.Equal("item2.note", violation.Field);
        Assert.Equal("「其它補充說明」過長，無法暫存（字數限制500字元）。", violation.Message);
    }

    [Fact]
    public void SettingAFractionIntoACountIsAProgrammingError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedTargets.All[0].Set(new ExpectedResults(), 1.5m));
}
