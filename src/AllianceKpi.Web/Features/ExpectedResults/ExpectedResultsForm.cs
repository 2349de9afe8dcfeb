using System.Globalization;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AllianceKpi.Web.Features.ExpectedResults;

/// <summary>
/// The 預期成果 form as posted: every target as typed text keyed by its field key (<c>Form.Targets[item3.otherIncome]</c>),
/// every 其它補充說明 keyed by its item (<c>Form.Notes[3]</c>), and the Version the page was built from. Numbers bind as
/// text so that a bad one comes back as typed with its message beside it.
/// </summary>
public sealed class ExpectedResultsForm
{
    public const string Prefix = "Form";

    public Dictionary<string, string?> Targets { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<int, string?> Notes { get; set; } = [];

    public Guid Version { get; set; }

    public static string TargetInput(string key) => $"{Prefix}.Targets[{key}]";

    public static string NoteInput(int item) => $"{Prefix}.Notes[{item}]";

    /// <summary>The input that shows a snapshot path (<c>item3.otherIncome</c>, <c>item3.note</c>); null for 總收入 (computed).</summary>
    public static string? InputOf(string path)
    {
        if (path.EndsWith(".note", StringComparison.Ordinal))
        {
            return NoteInput(int.Parse(path[4..path.IndexOf('.', StringComparison.Ordinal)], CultureInfo.InvariantCulture));
        }
        return ExpectedTargets.All.Any(t => t.Key == path) ? TargetInput(path) : null;
    }

    /// <summary>The label of an input for messages without their field beside them: 「會員費收入(仟元)」, 「3. 其它補充說明」.</summary>
    public static string? LabelOf(string input)
    {
        if (ExpectedTargets.All.FirstOrDefault(t => TargetInput(t.Key) == input) is { } target)
        {
            return $"{target.Label}({target.Unit})";
        }
        return FormItems.Expected.FirstOrDefault(i => NoteInput(i.Number) == input) is { } item ? $"{item.Number}. 其它補充說明" : null;
    }

    /// <summary>Every error of a refused save in one line, each with its field's label (for the autosave's status line).</summary>
    public static string Describe(ModelStateDictionary modelState) =>
        string.Join(" ", modelState.Where(e => e.Value?.Errors.Count > 0)
            .SelectMany(e => e.Value!.Errors.Select(error => LabelOf(e.Key) is { } label ? $"「{label}」{error.ErrorMessage}" : error.ErrorMessage))
            .Distinct());

    public string? TargetText(string key) => Targets.GetValueOrDefault(key);

    public string? NoteText(int item) => Notes.GetValueOrDefault(item);

    public static ExpectedResultsForm From(Domain.Forms.ExpectedResults form) => new()
    {
        Targets = ExpectedTargets.All.ToDictionary(t => t.Key, t => SnapshotValue.Of(t.Get(form)), StringComparer.Ordinal),
        Notes = FormItems.Expected.ToDictionary(i => i.Number, i => form.NoteOf(i.Number)),
        Version = form.Version,
    };

    /// <summary>Every number that cannot be kept, with the message for the field (keyed by the input's name without the prefix).</summary>
    public IReadOnlyList<DomainViolation> Check()
    {
        var violations = new List<DomainViolation>();
        foreach (var target in ExpectedTargets.All)
        {
            if (TargetNumber.Problem(target.Kind, TargetText(target.Key)) is { } problem)
            {
                violations.Add(new($"Targets[{target.Key}]", problem));
            }
        }
        return violations;
    }

    /// <summary>Writes the values into the form's entity; a number <see cref="Check"/> refuses is written as a blank.</summary>
    public void ApplyTo(Domain.Forms.ExpectedResults form)
    {
        foreach (var target in ExpectedTargets.All)
        {
            var text = TargetText(target.Key);
            target.Set(form, TargetNumber.Problem(target.Kind, text) is null ? TargetNumber.Value(text) : null);
        }
        foreach (var item in FormItems.Expected)
        {
            form.SetNote(item.Number, NoteText(item.Number));
        }
    }

    /// <summary>The keys of 總收入's parts: 會員費, 技術服務, 其它.</summary>
    public static readonly string[] IncomeParts = ["item3.membershipFeeIncome", "item3.technicalServiceIncome", "item3.otherIncome"];

    /// <summary>總收入(系統自動加總) of what was typed: the parts that are amounts, blanks and bad ones counting 0 (as the page's script does).</summary>
    public decimal TypedTotalIncome() =>
        IncomeParts.Select(TargetText)
            .Sum(text => TargetNumber.Problem(NumberKind.Thousands, text) is null ? TargetNumber.Value(text) ?? 0m : 0m);
}

/// <summary>A target typed as text: blank, or a number (commas allowed) the target's kind accepts.</summary>
public static class TargetNumber
{
    /// <summary>The number typed; null when blank or not a number.</summary>
    public static decimal? Value(string? text)
    {
        var trimmed = text?.Trim().Replace(",", "", StringComparison.Ordinal);
        return !string.IsNullOrEmpty(trimmed)
               && decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>Why the text cannot be kept as a target of this kind; null when it can (a blank can, in a draft).</summary>
    public static string? Problem(NumberKind kind, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // Text that is not a number gets the kind's own message: it is not "a number ≥ 0" either.
        return FormNumbers.Problem(kind, Value(text) ?? -1m);
    }
}
