using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Text;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Forms;

/// <summary>
/// 管考資料 (成果綜整表) of one project for one reporting period. The KPI figures are never typed: the engine computes them
/// from the 工作進度 entries. The form holds what the project writes per item (<see cref="Items"/>: 計畫執行達成狀況/其它,
/// 簡要差異分析, an optional attachment), item 8's typed figures and item 10's actual student counts.
/// </summary>
public class EvaluationForm : IVersioned, IWorkflowForm
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ReportingPeriodId { get; set; }

    public FormState State { get; set; }
    public DateOnly? ExtendedUntil { get; set; }
    public string? ReturnReason { get; set; }

    /// <summary>The texts of items 1–10, at most one row per item, created when first written.</summary>
    public List<EvaluationItemText> Items { get; set; } = [];

    // 8 聯盟會員新聘人員與衍生產值 (typed: the engine does not compute them)
    public int? NewHires { get; set; }

    /// <summary>聯盟會員衍生產值 (元).</summary>
    public decimal? DerivedOutputValue { get; set; }

    /// <summary>衍生產值的計算方式 (註2：衍生產值要加「佐證附件」與「計算方式」).</summary>
    public string? DerivedOutputMethod { get; set; }

    /// <summary>培育人才至聯盟廠商會員公司就職(人).</summary>
    public int? TalentPlaced { get; set; }

    /// <summary>The companies the trained people joined, one per line.</summary>
    public string? TalentCompanies { get; set; }

    // 10 計畫核定研究生人數: actual counts
    public int? Undergraduates { get; set; }
    public int? Masters { get; set; }
    public int? Doctorals { get; set; }
    public int? Postdocs { get; set; }
    public int? FullTimeAssistants { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public EvaluationItemText? ItemOf(int item) => Items.FirstOrDefault(i => i.Item == item);

    /// <summary>The row of an item, added when missing.</summary>
    public EvaluationItemText Item(int item)
    {
        _ = FormItems.EvaluationItem(item);
        var row = ItemOf(item);
        if (row is null)
        {
            row = new EvaluationItemText { Item = item };
            Items.Add(row);
        }
        return row;
    }

    /// <summary>Writes an item's texts as they are stored (line breaks normalised, blanks as null).</summary>
    public void Write(int item, string? narrative, string? differenceAnalysis)
    {
        var row = Item(item);
        row.Narrative = FormItems.EvaluationItem(item).HasNarrative ? FormText.Clean(narrative) : null;
        row.DifferenceAnalysis = FormText.Clean(differenceAnalysis);
    }

    /// <summary>What 資料暫存 refuses: numbers that cannot be kept and texts past the storage guard. Missing and too-long texts are the checklist's.</summary>
    public IReadOnlyList<DomainViolation> Check()
    {
        var violations = new List<DomainViolation>();
        foreach (var field in EvaluationFields.Numbers)
        {
            if (FormNumbers.Problem(field.Kind, field.Get(this)) is { } problem)
            {
                violations.Add(new(field.Key, $"「{field.Label}」{problem}"));
            }
        }
        foreach (var text in EvaluationFields.Texts(this))
        {
            if (FormText.GuardProblem(text.Field, text.Label, text.Text, text.Limit) is { } problem)
            {
                violations.Add(problem);
            }
        }
        return violations;
    }
}

/// <summary>What the project writes for one item of the 管考資料 form.</summary>
public class EvaluationItemText
{
    public int Id { get; set; }
    public int EvaluationFormId { get; set; }

    /// <summary>1–10.</summary>
    public int Item { get; set; }

    /// <summary>▶計畫執行達成狀況/其它 (≤500, ≤1000 for item 8; item 10 has none).</summary>
    public string? Narrative { get; set; }

    /// <summary>▶簡要差異分析 (≤500).</summary>
    public string? DifferenceAnalysis { get; set; }

    /// <summary>若有其它考核附件: one optional file.</summary>
    public int? AttachmentId { get; set; }
}
