namespace AllianceKpi.Domain.Workflow;

/// <summary>One value that differs between two snapshots: its path, its label, and the value before and after (null: blank or absent).</summary>
public sealed record SnapshotChange(string Path, string Label, string? Before, string? After);

/// <summary>
/// Field by field, what changed from one snapshot to the next (e.g. between two submissions, so that the office sees what
/// a returned form changed). Paths are <c>section.field</c> (<c>item3.narrative</c>) and <c>entries.Kind.id.field</c>
/// (<c>entries.Member.12.contractEnd</c>). Changes come in the order of the later snapshot, then what it no longer holds.
/// </summary>
public static class SnapshotDiff
{
    public static IReadOnlyList<SnapshotChange> Compare(Snapshot before, Snapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = Flatten(before).ToList();
        var oldByPath = old.ToDictionary(f => f.Path);
        var changes = new List<SnapshotChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Flatten(after))
        {
            seen.Add(field.Path);
            var previous = oldByPath.GetValueOrDefault(field.Path)?.Value;
            if (!string.Equals(previous, field.Value, StringComparison.Ordinal))
            {
                changes.Add(new SnapshotChange(field.Path, field.Label, previous, field.Value));
            }
        }
        changes.AddRange(old.Where(f => !seen.Contains(f.Path) && f.Value is not null)
            .Select(f => new SnapshotChange(f.Path, f.Label, f.Value, null)));
        return changes;
    }

    /// <summary>Compares two stored canonical texts.</summary>
    public static IReadOnlyList<SnapshotChange> Compare(string beforeJson, string afterJson) =>
        Compare(SnapshotJson.Read(beforeJson), SnapshotJson.Read(afterJson));

    private sealed record Flat(string Path, string Label, string? Value);

    private static IEnumerable<Flat> Flatten(Snapshot snapshot)
    {
        foreach (var section in snapshot.Sections)
        {
            foreach (var field in section.Fields)
            {
                yield return new Flat($"{section.Key}.{field.Key}", $"{section.Label}／{field.Label}", field.Value);
            }
        }
        foreach (var entry in SnapshotJson.Ordered(snapshot.Entries))
        {
            foreach (var field in entry.Fields)
            {
                yield return new Flat($"{entry.Key}.{field.Key}", $"{entry.Label}／{field.Label}", field.Value);
            }
        }
    }
}
