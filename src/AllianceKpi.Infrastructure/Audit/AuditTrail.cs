using System.Globalization;
using System.Text.Json;
using AllianceKpi.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AllianceKpi.Infrastructure.Audit;

/// <summary>Who is changing data now and the time; the web layer gives the signed-in user and its clock.</summary>
public interface IAuditSource
{
    string? UserId { get; }

    DateTime UtcNow { get; }
}

/// <summary>
/// Turns the change tracker's pending changes of <see cref="IAudited"/> records into <see cref="AuditEntry"/> rows:
/// captured before the save (the original values are still known), completed after it (new records have their ids).
/// Bookkeeping fields (Id, Version, CreatedAt, UpdatedAt) are left out; a modification that changes nothing else is not logged.
/// </summary>
public static class AuditTrail
{
    private static readonly HashSet<string> Ignored = ["Id", "Version", "CreatedAt", "UpdatedAt"];
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// A row waiting for the save. <paramref name="AwaitsKeys"/> names the logged fields that still hold a temporary key
    /// (a file uploaded with the entry, say): their values, and a new record's own id, are known only after the save.
    /// </summary>
    public sealed record Pending(EntityEntry Entry, AuditEntry Row, List<AuditChange> Changes, List<string> AwaitsKeys)
    {
        public bool WaitsForSave => Entry.State == EntityState.Added || AwaitsKeys.Count > 0;
    }

    public static List<Pending> Capture(ChangeTracker tracker, IAuditSource source)
    {
        var pending = new List<Pending>();
        // One pass over the tracked records (each call of Entries detects changes again): the audited ones, and the added
        // ones a foreign key may point at.
        var tracked = tracker.Entries().ToList();
        var added = tracked.Where(e => e.State == EntityState.Added).ToList();
        foreach (var entry in tracked)
        {
            if (entry.Entity is not IAudited audited)
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Modified => AuditAction.Modified,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            if (action is not { } a)
            {
                continue;
            }
            var changes = ChangesOf(entry, a);
            if (changes.Count == 0)
            {
                continue;
            }
            var awaitsKeys = a == AuditAction.Deleted ? [] : changes
                .Where(c => entry.Property(c.Field) is var p && (p.IsTemporary || PointsAtANewRecord(added, p)))
                .Select(c => c.Field).ToList();
            pending.Add(new Pending(entry, new AuditEntry
            {
                ProjectId = audited.ProjectId,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = audited.Id,
                Action = a,
                UserId = source.UserId,
                At = source.UtcNow,
            }, changes, awaitsKeys));
        }
        return pending;
    }

    /// <summary>The rows to add once every key is known: added records have their ids, new related records theirs.</summary>
    public static IEnumerable<AuditEntry> Complete(IEnumerable<Pending> pending) =>
        pending.Select(p =>
        {
            p.Row.EntityId = ((IAudited)p.Entry.Entity).Id;
            var changes = p.Changes.Select(c => p.AwaitsKeys.Contains(c.Field) ? c with { After = Text(p.Entry.Property(c.Field).CurrentValue) } : c);
            p.Row.Changes = JsonSerializer.Serialize(changes, Json);
            return p.Row;
        });

    /// <summary>
    /// A foreign key set to the key a record added in the same save holds for now (an uploaded file's, say): EF gives the
    /// real key to both at the save.
    /// </summary>
    private static bool PointsAtANewRecord(List<EntityEntry> added, PropertyEntry property)
    {
        if (property.CurrentValue is not { } value || !property.Metadata.IsForeignKey())
        {
            return false;
        }
        foreach (var key in property.Metadata.GetContainingForeignKeys().Where(k => k.Properties.Count == 1))
        {
            var principalKey = key.PrincipalKey.Properties[0].Name;
            if (added.Exists(e => e.Metadata == key.PrincipalEntityType && Equals(e.Property(principalKey).CurrentValue, value)))
            {
                return true;
            }
        }
        return false;
    }

    public static IReadOnlyList<AuditChange> Read(string json) =>
        JsonSerializer.Deserialize<List<AuditChange>>(json, Json) ?? [];

    private static List<AuditChange> ChangesOf(EntityEntry entry, AuditAction action)
    {
        var changes = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Ignored.Contains(name) || property.Metadata.IsShadowProperty())
            {
                continue;
            }
            var before = action == AuditAction.Added ? null : Text(property.OriginalValue);
            var after = action == AuditAction.Deleted ? null : Text(property.CurrentValue);
            if (action == AuditAction.Modified && before == after)
            {
                continue;
            }
            if (before is null && after is null)
            {
                continue;
            }
            changes.Add(new AuditChange(name, before, after));
        }
        return changes;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        decimal m => m.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
