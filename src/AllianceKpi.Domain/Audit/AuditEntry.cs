namespace AllianceKpi.Domain.Audit;

/// <summary>What happened to a record: 新增, 修改 or 刪除.</summary>
public enum AuditAction
{
    Added = 1,
    Modified = 2,
    Deleted = 3,
}

/// <summary>A record whose every change is kept in the project's audit log.</summary>
public interface IAudited
{
    int Id { get; }

    int ProjectId { get; }
}

/// <summary>One field of one change: its value before and after, as text (null when there was none).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// One change of one audited record: who (a user id, or none for the system), when (UTC), which record, and every changed
/// field with its value before and after. Rows are only ever added.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxEntityTypeLength = 64;

    public long Id { get; set; }
    public int ProjectId { get; set; }
    public string EntityType { get; set; } = "";
    public int EntityId { get; set; }
    public AuditAction Action { get; set; }
    public string? UserId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The changed fields as JSON (see <c>AuditTrail</c>).</summary>
    public string Changes { get; set; } = "[]";
}
