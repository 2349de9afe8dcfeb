namespace AllianceKpi.Infrastructure.Submissions;

/// <summary>
/// A one-time key a rendered "new" form carried, recorded with the row its first POST created (decision 0024). A second POST with
/// the same key finds it and answers as the first did instead of creating the row again.
/// </summary>
public sealed class SubmissionKey
{
    public const int MaxKindLength = 64;

    public Guid Key { get; set; }

    /// <summary>Who posted the form; a key only counts for the user it was used by.</summary>
    public string UserId { get; set; } = "";

    /// <summary>What the form creates, e.g. <c>progress/members</c>; a key only counts for the same kind of form.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The project the row belongs to (0 for a form outside projects).</summary>
    public int ProjectId { get; set; }

    /// <summary>The id of the row the first POST created.</summary>
    public int EntityId { get; set; }

    public DateTime CreatedAt { get; set; }
}
