namespace AllianceKpi.Domain.Kpi;

/// <summary>
/// The reasons and notes gathered while judging one entry. Making the verdict hands the lists over and leaves the
/// findings empty, so that one instance serves a whole list of entries.
/// </summary>
internal sealed class Findings
{
    private List<string>? reasons;
    private List<string>? notes;

    public int ReasonCount => reasons?.Count ?? 0;

    public bool Clear => ReasonCount == 0;

    public void Refuse(string reason) => (reasons ??= new List<string>(2)).Add(reason);

    public void Note(string note) => (notes ??= new List<string>(1)).Add(note);

    public Verdict ToVerdict(EntryKind kind, int entryId, decimal? countedAmount = null) =>
        ToVerdict(kind, entryId, Clear, countedAmount);

    public Verdict ToVerdict(EntryKind kind, int entryId, bool counted, decimal? countedAmount)
    {
        var verdict = new Verdict(kind, entryId, counted, reasons, notes, countedAmount);
        reasons = null;
        notes = null;
        return verdict;
    }

    /// <summary>Forgets what was gathered without making a verdict.</summary>
    public void Reset()
    {
        reasons = null;
        notes = null;
    }
}
