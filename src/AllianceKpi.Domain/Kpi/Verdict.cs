namespace AllianceKpi.Domain.Kpi;

/// <summary>The kinds of work-progress entry the engine judges.</summary>
public enum EntryKind
{
    Member = 1,
    OperatingIncome = 2,
    CooperationProject = 3,
    TechTransfer = 4,
    TechnicalService = 5,
    PromotionActivity = 6,
    MemberService = 7,
    DerivedResult = 8,
}

/// <summary>
/// Whether one entry counts towards its KPI, and why (not). <see cref="Reasons"/> name the dates, values and rule
/// behind every refusal — of the whole entry, or of a part of it (an income that counts only partly is counted and
/// still has reasons). <see cref="Notes"/> explain how a counted entry was read (e.g. a Hong Kong company as a foreign one).
/// </summary>
public sealed class Verdict
{
    private static readonly string[] None = [];

    public Verdict(EntryKind kind, int entryId, bool counted, IReadOnlyList<string>? reasons = null,
        IReadOnlyList<string>? notes = null, decimal? countedAmount = null)
    {
        Kind = kind;
        EntryId = entryId;
        Counted = counted;
        Reasons = reasons ?? None;
        Notes = notes ?? None;
        CountedAmount = countedAmount;
    }

    public EntryKind Kind { get; }
    public int EntryId { get; }
    public bool Counted { get; }
    public IReadOnlyList<string> Reasons { get; }
    public IReadOnlyList<string> Notes { get; }

    /// <summary>仟元 the entry adds to its KPI (incomes, tech transfers, technical services, cooperation projects); null for counts.</summary>
    public decimal? CountedAmount { get; }

    /// <summary>Counted, but part of it was not (e.g. an income whose 其它收入 is excluded).</summary>
    public bool IsPartial => Counted && Reasons.Count > 0;

    public override string ToString() =>
        $"{Kind} {EntryId}: {(Counted ? "列入" : "不列入")} {string.Join("；", Reasons)}";
}
