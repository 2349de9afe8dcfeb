namespace AllianceKpi.Domain.Kpi;

/// <summary>The reasons and notes gathered while judging one entry; handed to its verdict.</summary>
internal sealed class Findings
{
    private List<string>? reasons;
    private List<string>? notes;

    public int ReasonCount => reasons?.Count ?? 0;

    public bool Clear => ReasonCount == 0;

    public void Refuse(string reason) => (reasons ??= new List<string>(2)).Add(reason);

    public void Note(string note) => (notes ??= new List<string>(1)).Add(note);

    public Verdict ToVerdict(EntryKind kind, int entryId, decimal? countedAmount = null) =>
        new(kind, entryId, Clear, reasons, notes, countedAmount);

    public Verdict ToVerdict(EntryKind kind, int entryId, bool counted, decimal? countedAmount) =>
        new(kind, entryId, counted, reasons, notes, countedAmount);
}
