using System.Globalization;
using System.Reflection;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Web.Features.Audit;
using AllianceKpi.Web.Features.Workflow;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>
/// When someone else saved an entry while this user was editing it: every field of the form whose value the user sent differs
/// from the saved one, both shown for the user to merge (the form keeps the user's values; the conflict panel can copy the
/// saved one). Fields compare as the form binds them (text, choices, ids), so what is shown is what a field can be set to.
/// </summary>
public static class EntryConflicts
{
    private static readonly HashSet<string> NotCompared = ["Version", "Attachment"];

    public static IReadOnlyList<ConflictField> Between<TForm>(TForm mine, TForm saved) where TForm : class =>
        typeof(TForm).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p is { CanRead: true, CanWrite: true } && !NotCompared.Contains(p.Name))
            .Select(p => (p.Name, Mine: Text(p.GetValue(mine)), Theirs: Text(p.GetValue(saved))))
            .Where(p => !string.Equals(p.Mine ?? "", p.Theirs ?? "", StringComparison.Ordinal))
            .Select(p => new ConflictField($"{EntrySaveHandler.Prefix}.{p.Name}", AuditLabels.Field(p.Name), p.Mine, p.Theirs))
            .ToList();

    /// <summary>The value as the form posts it: enum names and true/false, so the panel's button can put it back in the field.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
