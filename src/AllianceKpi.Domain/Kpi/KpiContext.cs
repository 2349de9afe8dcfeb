using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi;

/// <summary>Where an entry stands relative to the view.</summary>
internal enum Placement
{
    /// <summary>Not counted in this view: a later period, the expected results, or a period of another year.</summary>
    Outside,

    /// <summary>An earlier period of the year (period view only): members reported then are carried over.</summary>
    Earlier,

    InScope,
}

/// <summary>The year's settings, the periods in order and the member lookup, prepared once per evaluation.</summary>
internal sealed class KpiContext
{
    private readonly Dictionary<int, int> rankOfPeriod;
    private readonly Dictionary<int, string> nameOfPeriod;
    private readonly Dictionary<int, AllianceMember> members;
    private readonly Dictionary<int, string> memberKeys = [];

    private KpiContext(KpiInput input, List<ReportingPeriod> ordered, int firstRank, int lastRank)
    {
        var year = input.Year;
        ProjectWindow = year.ProjectWindow;
        IncomeWindow = year.IncomeWindow;
        CooperationStartWindow = year.CooperationStartWindow;
        TechTransferWindow = year.TechTransferWindow;
        Cutoff = year.MemberCutoff;
        ProjectWindowText = Say.Range(ProjectWindow);
        IncomeWindowText = Say.Range(IncomeWindow);
        CooperationStartWindowText = Say.Range(CooperationStartWindow);
        TechTransferWindowText = Say.Range(TechTransferWindow);
        CutoffText = Say.Day(Cutoff);
        FirstRank = firstRank;
        LastRank = lastRank;
        rankOfPeriod = new Dictionary<int, int>(ordered.Count);
        nameOfPeriod = new Dictionary<int, string>(ordered.Count);
        for (var rank = 0; rank < ordered.Count; rank++)
        {
            rankOfPeriod[ordered[rank].Id] = rank;
            nameOfPeriod[ordered[rank].Id] = ordered[rank].Name;
        }
        var all = input.Entries.Members;
        members = new Dictionary<int, AllianceMember>(all.Count);
        foreach (var member in all)
        {
            members[member.Id] = member;
        }
    }

    public DateRange ProjectWindow { get; }
    public DateRange IncomeWindow { get; }
    public DateRange CooperationStartWindow { get; }
    public DateRange TechTransferWindow { get; }
    public DateOnly Cutoff { get; }
    public string ProjectWindowText { get; }
    public string IncomeWindowText { get; }
    public string CooperationStartWindowText { get; }
    public string TechTransferWindowText { get; }
    public string CutoffText { get; }
    public int FirstRank { get; }
    public int LastRank { get; }

    public static KpiContext Create(KpiInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Year);
        ArgumentNullException.ThrowIfNull(input.Periods);
        var ordered = input.Periods
            .Where(p => p.Kind != ReportingPeriodKind.ExpectedResults)
            .OrderBy(p => p.Kind).ThenBy(p => p.Deadline).ThenBy(p => p.Id)
            .ToList();
        if (input.Period is null)
        {
            if (input.View == KpiView.Period)
            {
                throw new ArgumentException("The period view needs a period.", nameof(input));
            }
            return new KpiContext(input, ordered, 0, ordered.Count - 1);
        }
        var rank = ordered.FindIndex(p => p.Id == input.Period.Id);
        if (rank < 0)
        {
            throw new ArgumentException(
                $"Period {input.Period.Id} is not a reporting period of the programme year's list (expected results have no figures).",
                nameof(input));
        }
        return new KpiContext(input, ordered, input.View == KpiView.Period ? rank : 0, rank);
    }

    public Placement Place(ProgressEntry entry)
    {
        if (!rankOfPeriod.TryGetValue(entry.ReportingPeriodId, out var rank) || rank > LastRank)
        {
            return Placement.Outside;
        }
        return rank < FirstRank ? Placement.Earlier : Placement.InScope;
    }

    public bool InScope(ProgressEntry entry) => Place(entry) == Placement.InScope;

    public int RankOf(ProgressEntry entry) => rankOfPeriod.GetValueOrDefault(entry.ReportingPeriodId, int.MaxValue);

    public string PeriodName(int periodId) => nameOfPeriod.GetValueOrDefault(periodId, "");

    /// <summary>Who an entry names: a member (of any period, looked up by id) or a typed name.</summary>
    public Party Resolve(INamesCounterparty entry)
    {
        if (entry.MemberId is { } id)
        {
            return members.TryGetValue(id, out var member) ? Party.Of(member) : Party.UnknownMember(id);
        }
        return string.IsNullOrWhiteSpace(entry.CounterpartyName)
            ? Party.Missing
            : new Party(PartyKind.NonMember, null, entry.CounterpartyName.Trim());
    }

    /// <summary>The name key of a party, computed once per member.</summary>
    public string KeyOf(Party party)
    {
        if (party.Member is not { } member)
        {
            return Say.NameKey(party.Name);
        }
        if (!memberKeys.TryGetValue(member.Id, out var key))
        {
            key = Say.NameKey(party.Name);
            memberKeys[member.Id] = key;
        }
        return key;
    }
}
