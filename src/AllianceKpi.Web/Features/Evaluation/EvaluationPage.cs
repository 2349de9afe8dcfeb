using AllianceKpi.Domain.Forms;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Features.Workflow;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>One figure of an item: the engine's 本期 and 累計 (or, for items 8 and 10, the typed number), the year's target and the rate.</summary>
/// <param name="Target">The target as shown: a number, 「尚未填寫」 when 預期成果 has none yet, 「—」 for a figure without target.</param>
/// <param name="Rate">累計 (or the typed number) against the target, 「—」 without a target above 0.</param>
public sealed record FigureRow(string Label, string Unit, string Period, string Cumulative, string Target, string Rate);

/// <summary>A typed number of items 8 and 10: its input, the year's target and the rate.</summary>
public sealed record TypedNumberRow(string Key, string InputName, string Label, string Unit, string Target, string Rate);

/// <summary>The file an item holds now, with its download link.</summary>
public sealed record ItemAttachment(int Id, string Name, string Url);

/// <summary>A link to the 工作進度 tab whose entries make an item's figures.</summary>
public sealed record EntriesLink(string Label, string Url);

/// <summary>One item of the form as the page shows it.</summary>
public sealed record ItemSection(
    EvaluationItem Item,
    int Index,
    IReadOnlyList<FigureRow> Figures,
    IReadOnlyList<TypedNumberRow> Numbers,
    EntriesLink? Entries,
    ItemAttachment? Attachment)
{
    public string NarrativeKey => FieldKeys.Narrative(Item.Number);
    public string DifferenceAnalysisKey => FieldKeys.DifferenceAnalysis(Item.Number);
    public string AttachmentKey => FieldKeys.Attachment(Item.Number);
    public string NarrativeName => EvaluationInputNames.ItemField(Item.Number, nameof(EvaluationItemInput.Narrative));
    public string DifferenceAnalysisName => EvaluationInputNames.ItemField(Item.Number, nameof(EvaluationItemInput.DifferenceAnalysis));
    public string AttachmentName => EvaluationInputNames.Attachment(Item.Number);
}

/// <summary>
/// The 管考資料 page: header, workflow status, the items with their figures and texts, the checklist, a conflict panel after a
/// refused save, and what the user may do (edit: 資料暫存; submit: 確定送出, PI only; nothing for the office or when locked).
/// </summary>
public sealed record EvaluationPage(
    EvaluationContext Context,
    EvaluationInput Form,
    WorkflowStatus Status,
    IReadOnlyList<ItemSection> Items,
    IReadOnlyList<ChecklistRow> Checklist,
    IReadOnlyList<ConflictField> Conflicts,
    bool CanEdit,
    bool CanSubmit)
{
    public ProgressContext Progress => Context.Progress;
    public string Action => Context.Url;
    public string AutosaveUrl => Context.Url + "/autosave";
    public string ListUrl => $"/evaluation?periodId={Context.PeriodId}";

    /// <summary>送出版本 of this form (decision 0011's versions page), once it was submitted at least once.</summary>
    public string SubmissionsUrl => $"/projects/{Context.ProjectId}/submissions/evaluation/{Context.PeriodId}";
    public bool HasWarnings => Checklist.Any(r => r.Severity == Domain.Workflow.ChecklistSeverity.Warning);
    public string ValueOf(string key) => EvaluationInputNames.All.FirstOrDefault(f => f.Key == key)?.Get(Form) ?? "";
}

/// <summary>What the partial of one item needs: the page (values, read-only or not) and the item.</summary>
public sealed record EvaluationItemView(EvaluationPage Page, ItemSection Section);

/// <summary>One text of the page with its 「目前剩 N 字」 counter (no maxlength: the limit counts characters, see docs/workflow-rules.md).</summary>
public sealed record EvaluationTextView(EvaluationPage Page, string Key, string Label, int Limit, bool Required = false);
