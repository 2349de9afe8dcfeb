using System.Text.Encodings.Web;
using System.Text.Json;
using AllianceKpi.Domain.Audit;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Web.Features.Workflow;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>What a refused save shows when someone else saved meanwhile: every field whose stored value differs from the user's.</summary>
public static class EvaluationConflicts
{
    public static IReadOnlyList<ConflictField> Compare(EvaluationInput mine, EvaluationForm stored)
    {
        ArgumentNullException.ThrowIfNull(mine);
        var theirs = EvaluationInput.From(stored);
        return EvaluationInputNames.All
            .Select(f => (Field: f, Mine: f.Canonical(mine), Theirs: f.Canonical(theirs)))
            .Where(f => !string.Equals(f.Mine, f.Theirs, StringComparison.Ordinal))
            .Select(f => new ConflictField(f.Field.InputName, f.Field.Label, f.Mine, f.Theirs))
            .ToList();
    }
}

/// <summary>
/// The audit row of one save of a 管考資料 form: the form is not audited by the context (its texts live in child rows), so the
/// handler writes one row with the differences between the form's snapshot before and after the save, labelled as the snapshot labels them.
/// </summary>
public static class EvaluationAudit
{
    public const string EntityType = "EvaluationForm";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The row to add, or null when the save changed nothing.</summary>
    public static AuditEntry? Of(EvaluationForm form, Snapshot before, Snapshot after, bool added, string userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(form);
        var changes = SnapshotDiff.Compare(before, after)
            .Select(c => new AuditChange(c.Label, c.Before, c.After))
            .ToList();
        if (changes.Count == 0)
        {
            return null;
        }
        return new AuditEntry
        {
            ProjectId = form.ProjectId,
            EntityType = EntityType,
            EntityId = form.Id,
            Action = added ? AuditAction.Added : AuditAction.Modified,
            UserId = userId,
            At = at,
            Changes = JsonSerializer.Serialize(changes, Json),
        };
    }
}
