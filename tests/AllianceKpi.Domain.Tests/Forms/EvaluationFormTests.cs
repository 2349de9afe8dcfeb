using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Tests.Forms;

/// <summary>管考資料: its items, texts per item, item 8's figures and item 10's counts.</summary>
public sealed class EvaluationFormTests
{
    [Fact]
    public void TheFormHasTenItemsAndEveryEngineMeasureBelongsToOne()
    {
        Assert.Equal(Enumerable.Range(1, 10), FormItems.Evaluation.Select(i => i.Number));
        var measures = FormItems.Evaluation.SelectMany(i => i.Measures).ToList();
        Assert.Equal(Enum.GetValues<KpiMeasure>().OrderBy(m => m), measures.OrderBy(m => m));
        Assert.Equal(measures.Count, measures.Distinct().Count());
        Assert.Equal([KpiMeasure.TechnicalServiceCount, KpiMeasure.TechnicalServiceAmount], FormItems.EvaluationItem(9).Measures);
    }

    /// <summary>item, narrative limit (0: none), narrative required.</summary>
    [Theory]
    [InlineData(1, 500, true)]
    [InlineData(3, 500, true)]
    [InlineData(7, 500, true)]
    [InlineData(8, 1000, true)]
    [InlineData(9, 500, false)]
    [InlineData(10, 0, false)]
    public void NarrativesAreLimitedAndRequiredAsTheSeedSays(int item, int limit, bool required)
    {
        var definition = FormItems.EvaluationItem(item);
        Assert.Equal((limit, required), (definition.NarrativeLimit, definition.NarrativeRequired));
    }

    [Fact]
    public void WritingAnItemAddsItsRowOnceAndNormalisesLineBreaks()
    {
        var form = new EvaluationForm();
        form.Write(3, "會員費 120 仟元\r\n技術服務 30 仟元", " ");
        form.Write(3, "會員費 130 仟元\r\n", "未達成原因：\r廠商延後付款");
        var row = Assert.Single(form.Items);
        Assert.Equal((3, "會員費 130 仟元\n", "未達成原因：\n廠商延後付款"), (row.Item, row.Narrative, row.DifferenceAnalysis));
    }

    [Fact]
    public void ItemTenKeepsNoNarrativeOnlyItsDifferenceAnalysis()
    {
        var form = new EvaluationForm();
        form.Write(10, "不應保存", "博士生較預期少 1 人");
        Assert.Null(form.ItemOf(10)!.Narrative);
        Assert.Equal("博士生較預期少 1 人", form.ItemOf(10)!.DifferenceAnalysis);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void ThereAreNoItemsOutsideOneToTen(int item) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationForm().Item(item));

    [Fact]
    public void TheTextsOfTheFormComeItemByItemWithTheirLimits()
    {
        var form = new EvaluationForm();
        form.Write(8, "新聘 2 人", null);
        var texts = EvaluationFields.Texts(form);
        Assert.Equal(9 + 10 + 2, texts.Count);
        Assert.Equal(new FormTextField("item8.narrative", "8. 計畫執行達成狀況/其它", "新聘 2 人", 1000, true),
            texts.Single(t => t.Field == "item8.narrative"));
        Assert.Equal(500, texts.Single(t => t.Field == "item8.derivedOutputMethod").Limit);
        Assert.DoesNotContain(texts, t => t.Field == "item10.narrative");
        Assert.Equal("item1.narrative", texts[0].Field);
        Assert.Equal("item10.differenceAnalysis", texts[^1].Field);
    }

    public static TheoryData<Action<EvaluationForm>, string?, string?> Drafts => new()
    {
        { _ => { }, null, null },
        { f => f.NewHires = 0, null, null },
        { f => f.NewHires = -1, "item8.newHires", "「聯盟會員新聘人員」請輸入 0 以上的整數。" },
        { f => f.DerivedOutputValue = 2500000, null, null },
        { f => f.DerivedOutputValue = 10.5m, "item8.derivedOutputValue", "「聯盟會員衍生產值」金額須為不小於 0 的整數（單位為元）。" },
        { f => f.TalentPlaced = 1_000_000, "item8.talentPlaced", "「培育人才至聯盟廠商會員公司就職」請輸入 0 以上的整數。" },
        { f => f.Doctorals = -2, "item10.doctorals", "「博士」請輸入 0 以上的整數。" },
        { f => f.Write(1, new string('字', 600), null), null, null },
        { f => f.Write(1, new string('字', 500 * 16 + 1), null), "item1.narrative", "「1. 計畫執行達成狀況/其它」過長，無法暫存（字數限制500字元）。" },
        { f => f.DerivedOutputMethod = new string('字', 500 * 16 + 1), "item8.derivedOutputMethod", "「8. 衍生產值計算方式」過長，無法暫存（字數限制500字元）。" },
    };

    [Theory]
    [MemberData(nameof(Drafts))]
    public void ADraftRefusesImpossibleNumbersAndTextsBeyondTheGuardOnly(Action<EvaluationForm> change, string? field, string? message)
    {
        var form = new EvaluationForm();
        change(form);
        var violation = form.Check().SingleOrDefault();
        Assert.Equal((field, message), (violation?.Field, violation?.Message));
    }

    [Fact]
    public void TheLimitsOfItemEightAreTheSeeds()
    {
        Assert.Equal(TextLimits.Item8Narrative, FormItems.EvaluationItem(8).NarrativeLimit);
        Assert.Equal(["newHires", "derivedOutputValue", "talentPlaced"],
            EvaluationFields.Numbers.Where(n => n.Item == 8).Select(n => n.Name));
    }
}
