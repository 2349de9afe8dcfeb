using System.Globalization;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Workflow;

public enum ChecklistSeverity
{
    /// <summary>確定送出 is refused until it is fixed.</summary>
    Blocking = 1,

    /// <summary>Shown before 確定送出; the PI may submit anyway, and by submitting accepts it.</summary>
    Warning = 2,
}

/// <summary>Where a checklist item takes the user: a field of the form (<see cref="FieldKeys"/>), a 工作進度 entry, or the other form.</summary>
public sealed record ChecklistLink(string? Field = null, EntryKind? EntryKind = null, int? EntryId = null, FormKind? Form = null)
{
    public static ChecklistLink ToField(string field) => new(Field: field);

    public static ChecklistLink ToEntry(EntryKind kind, int entryId) => new(EntryKind: kind, EntryId: entryId);

    public static ChecklistLink ToForm(FormKind form) => new(Form: form);
}

public sealed record ChecklistItem(ChecklistSeverity Severity, string Message, ChecklistLink Link);

/// <summary>An entry whose fields fail the entry form's own checks (the web layer runs them), with the problems in zh-TW.</summary>
public sealed record InvalidEntry(EntryKind Kind, int EntryId, string Title, IReadOnlyList<string> Problems);

/// <summary>An entry the engine does not count, or counts only in part, with its reasons.</summary>
public sealed record NotCountedEntry(EntryKind Kind, int EntryId, string Title, IReadOnlyList<string> Reasons, bool Partly = false)
{
    public static NotCountedEntry? From(Verdict verdict, string title)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Counted && !verdict.IsPartial
            ? null
            : new NotCountedEntry(verdict.Kind, verdict.EntryId, title, verdict.Reasons, verdict.Counted);
    }
}

/// <summary>One figure of an item against its target.</summary>
public sealed record MeasureProgress(string Label, decimal Actual, decimal? Target)
{
    public decimal? Rate => Achievement.Rate(Actual, Target);
}

/// <summary>An item's figures against their targets, and the 簡要差異分析 written for it.</summary>
public sealed record ItemProgress(int Item, string Title, string DifferenceAnalysisField, string? DifferenceAnalysis,
    IReadOnlyList<MeasureProgress> Measures);

/// <summary>
/// Everything the checklist looks at, as values. <see cref="ChecklistInputs"/> builds it from the forms, the engine's
/// reports and the entries; a test or another caller may fill it by hand.
/// </summary>
public sealed record SubmissionChecklistInput
{
    public required FormKind Kind { get; init; }

    /// <summary>管考資料 only: whether the year's 預期成果 was submitted (已送出 or 已確認).</summary>
    public bool ExpectedResultsSubmitted { get; init; } = true;

    /// <summary>Every text of the form with its limit and whether it is required.</summary>
    public IReadOnlyList<FormTextField> Texts { get; init; } = [];

    /// <summary>Other problems of the form that block (missing targets or figures, 衍生產值 without its calculation method).</summary>
    public IReadOnlyList<DomainViolation> FormViolations { get; init; } = [];

    /// <summary>Things of the form worth a second look that do not block (衍生產值 without a supporting file).</summary>
    public IReadOnlyList<DomainViolation> FormWarnings { get; init; } = [];

    public IReadOnlyList<InvalidEntry> InvalidEntries { get; init; } = [];
    public IReadOnlyList<NotCountedEntry> NotCounted { get; init; } = [];
    public IReadOnlyList<ItemProgress> Progress { get; init; } = [];
}

/// <summary>
/// 送出前檢查: what must be fixed before 確定送出 (blocking) and what the PI should look at (warnings), each with a link.
/// Blocking items come first, in the form's order, then the entries; warnings follow. Pure. See docs/workflow-rules.md.
/// </summary>
public static class SubmissionChecklist
{
    public static IReadOnlyList<ChecklistItem> Check(SubmissionChecklistInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var items = new List<ChecklistItem>();
        if (input.Kind == FormKind.Evaluation && !input.ExpectedResultsSubmitted)
        {
            items.Add(new(ChecklistSeverity.Blocking, "本年度預期成果尚未確定送出：請先由計畫主持人送出預期成果，再送出管考資料。",
                ChecklistLink.ToForm(FormKind.ExpectedResults)));
        }
        var fieldProblems = TextProblems(input.Texts).Concat(input.FormViolations)
            .Select((v, order) => (Violation: v, Order: order))
            .OrderBy(p => ItemNumber(p.Violation.Field)).ThenBy(p => p.Order)
            .Select(p => Blocking(p.Violation.Message, ChecklistLink.ToField(p.Violation.Field)));
        items.AddRange(fieldProblems);
        items.AddRange(input.InvalidEntries.OrderBy(e => e.Kind).ThenBy(e => e.EntryId).Select(e =>
            Blocking($"{EntrySnapshots.KindLabel(e.Kind)}「{e.Title}」資料有誤：{string.Join("；", e.Problems)}", ChecklistLink.ToEntry(e.Kind, e.EntryId))));
        items.AddRange(input.FormWarnings.Select(w => Warning(w.Message, ChecklistLink.ToField(w.Field))));
        items.AddRange(input.NotCounted.OrderBy(e => e.Kind).ThenBy(e => e.EntryId).Select(e =>
            Warning($"{EntrySnapshots.KindLabel(e.Kind)}「{e.Title}」{(e.Partly ? "部分不列入" : "不列入")} KPI：{string.Join("；", e.Reasons)}",
                ChecklistLink.ToEntry(e.Kind, e.EntryId))));
        items.AddRange(input.Progress.OrderBy(p => p.Item).Select(ShortfallWarning).OfType<ChecklistItem>());
        return items;
    }

    public static int BlockingCount(IEnumerable<ChecklistItem> items) =>
        items.Count(i => i.Severity == ChecklistSeverity.Blocking);

    private static IEnumerable<DomainViolation> TextProblems(IEnumerable<FormTextField> texts)
    {
        foreach (var text in texts)
        {
            if (text.Required && TextLength.IsBlank(text.Text))
            {
                yield return new(text.Field, $"請填寫「{text.Label}」。");
            }
            else if (TextLength.Check(text.Field, text.Label, text.Text, text.Limit) is { } tooLong)
            {
                yield return tooLong;
            }
        }
    }

    private static ChecklistItem? ShortfallWarning(ItemProgress progress)
    {
        if (!TextLength.IsBlank(progress.DifferenceAnalysis))
        {
            return null;
        }
        var shortfalls = progress.Measures.Where(m => m.Rate is < 100m).ToList();
        if (shortfalls.Count == 0)
        {
            return null;
        }
        var rates = string.Join("、", shortfalls.Select(m => $"{m.Label} {Achievement.Format(m.Rate)}"));
        return Warning($"{progress.Item}. {progress.Title}達成率未達 100%（{rates}），請填寫簡要差異分析。",
            ChecklistLink.ToField(progress.DifferenceAnalysisField));
    }

    /// <summary>The item a field key belongs to (<c>item10.masters</c> → 10), so that problems come in the form's order.</summary>
    private static int ItemNumber(string field)
    {
        if (field.StartsWith("item", StringComparison.Ordinal))
        {
            var dot = field.IndexOf('.', StringComparison.Ordinal);
            var digits = dot < 0 ? field[4..] : field[4..dot];
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var item))
            {
                return item;
            }
        }
        return int.MaxValue;
    }

    private static ChecklistItem Blocking(string message, ChecklistLink link) => new(ChecklistSeverity.Blocking, message, link);

    private static ChecklistItem Warning(string message, ChecklistLink link) => new(ChecklistSeverity.Warning, message, link);
}
