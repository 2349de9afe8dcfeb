using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Web.Features.ExpectedResults;

/// <summary>One target on the page: its anchor (the field key), label and unit as the seed writes them, input name and typed text.</summary>
public sealed record TargetView(string Key, string Label, string Unit, NumberKind Kind, string Input, string? Text)
{
    public bool IsIncomePart => ExpectedResultsForm.IncomeParts.Contains(Key);

    public string InputMode => Kind == NumberKind.Thousands ? "decimal" : "numeric";
}

/// <summary>One numbered item: its targets and its 其它補充說明 with the characters left.</summary>
public sealed record ItemView(int Number, string Title, IReadOnlyList<TargetView> Targets, string NoteKey, string NoteInput, string? Note)
{
    public int NoteLimit => TextLimits.ExpectedNote;

    public int NoteRemaining => TextLength.Remaining(Note, NoteLimit);

    public string CounterId => $"{NoteKey}-counter";

    public static IReadOnlyList<ItemView> Of(ExpectedResultsForm form) =>
        FormItems.Expected.Select(item => new ItemView(
                item.Number,
                item.Title,
                ExpectedTargets.OfItem(item.Number)
                    .Select(t => new TargetView(t.Key, t.Label, t.Unit, t.Kind, ExpectedResultsForm.TargetInput(t.Key), form.TargetText(t.Key)))
                    .ToList(),
                FieldKeys.Note(item.Number),
                ExpectedResultsForm.NoteInput(item.Number),
                form.NoteText(item.Number)))
            .ToList();
}
