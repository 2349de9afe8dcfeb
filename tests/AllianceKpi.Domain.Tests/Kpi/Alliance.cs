using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Domain.Tests.Kpi;

/// <summary>
/// A small alliance in programme year 2021 with the seed's windows (project 2021/01/01~2022/01/31, income
/// 2021/02/01~2022/01/31, cooperation start 2021/01/01~2022/01/31, cutoff 2021/10/31). Every entry is valid by
/// default and reported in the first report; a test changes only what it is about.
/// </summary>
internal sealed class Alliance
{
    public static readonly ReportingPeriod Expected = Period(1, ReportingPeriodKind.ExpectedResults);
    public static readonly ReportingPeriod First = Period(2, ReportingPeriodKind.FirstReport);
    public static readonly ReportingPeriod Second = Period(3, ReportingPeriodKind.SecondReport);
    public static readonly ReportingPeriod Final = Period(4, ReportingPeriodKind.FinalReport);

    private readonly List<AllianceMember> members = [];
    private readonly List<OperatingIncome> incomes = [];
    private readonly List<CooperationProject> cooperations = [];
    private readonly List<TechTransfer> transfers = [];
    private readonly List<TechnicalService> technicalServices = [];
    private readonly List<PromotionActivity> promotions = [];
    private readonly List<MemberService> services = [];
    private readonly List<DerivedResult> derived = [];
    private int nextId = 100;

    public ProgrammeYear Year { get; } = ProgrammeYear.WithStandardWindows(2021);

    public static IReadOnlyList<ReportingPeriod> Periods { get; } = [Final, Expected, Second, First];

    public static DateOnly Day(string text) =>
        DateFormat.TryParse(text, out var day) ? day : throw new ArgumentException($"Not a date: {text}", nameof(text));

    public AllianceMember Member(Action<AllianceMember>? change = null, ReportingPeriod? period = null)
    {
        var id = nextId++;
        var member = new AllianceMember
        {
            Id = id, ReportingPeriodId = (period ?? First).Id, Type = MemberType.Company, Basis = MembershipBasis.Contract,
            Region = Region.North, CompanyName = $"甲公司{id}", City = "臺北市", Street = "中正路1號",
            ContractStart = Day("2021/03/01"), ContractEnd = Day("2022/02/28"),
        };
        change?.Invoke(member);
        members.Add(member);
        return member;
    }

    public OperatingIncome Income(Action<OperatingIncome>? change = null, ReportingPeriod? period = null) =>
        Add(incomes, new OperatingIncome { MembershipFee = 10, AccountingDate = Day("2021/05/01") }, change, period);

    public CooperationProject Cooperation(AllianceMember? with, Action<CooperationProject>? change = null, ReportingPeriod? period = null) =>
        Add(cooperations, new CooperationProject
        {
            Name = "智慧感測產學合作", MemberId = with?.Id, Budget = 500, Source = "科技部",
            StartDate = Day("2021/04/01"), EndDate = Day("2021/12/31"), SignedByPrincipalInvestigator = true,
        }, change, period);

    public TechTransfer Transfer(Action<TechTransfer>? change = null, ReportingPeriod? period = null) =>
        Add(transfers, new TechTransfer { Name = "感測模組技轉", CounterpartyName = "乙公司", Amount = 300, SignedOn = Day("2021/06/01") }, change, period);

    public TechnicalService TechnicalService(Action<TechnicalService>? change = null, ReportingPeriod? period = null) =>
        Add(technicalServices, new TechnicalService { CounterpartyName = "乙公司", Amount = 50, Date = Day("2021/06/01"), Description = "檢測" }, change, period);

    public PromotionActivity Promotion(Action<PromotionActivity>? change = null, ReportingPeriod? period = null) =>
        Add(promotions, new PromotionActivity { Name = "聯盟推廣說明會", Date = Day("2021/05/01"), Place = "臺南", Participants = 30 }, change, period);

    public MemberService Service(Action<MemberService>? change = null, ReportingPeriod? period = null) =>
        Add(services, new MemberService
        {
            Kind = MemberServiceKind.Seminar, Date = Day("2021/06/15"), Title = "感測技術研討會", CompanyAttendees = 20, CompaniesServed = 5,
        }, change, period);

    public DerivedResult Derived(AllianceMember? with, Action<DerivedResult>? change = null, ReportingPeriod? period = null) =>
        Add(derived, new DerivedResult { Kind = DerivedResultKind.NewProduct, MemberId = with?.Id, Title = "新型感測器", Date = Day("2021/07/01") }, change, period);

    public KpiEntries Entries => new()
    {
        Members = members, Incomes = incomes, CooperationProjects = cooperations, TechTransfers = transfers,
        TechnicalServices = technicalServices, PromotionActivities = promotions, MemberServices = services, DerivedResults = derived,
    };

    public KpiReport PeriodReport(ReportingPeriod? period = null) =>
        KpiEngine.Evaluate(KpiInput.ForPeriod(Year, Periods, period ?? First, Entries));

    public KpiReport CumulativeThrough(ReportingPeriod period) =>
        KpiEngine.Evaluate(KpiInput.CumulativeThrough(Year, Periods, period, Entries));

    public KpiReport WholeExecution() => KpiEngine.Evaluate(KpiInput.WholeExecution(Year, Periods, Entries));

    /// <summary>The verdict on one entry in the period view of the period it was reported in.</summary>
    public Verdict VerdictOn(ProgressEntry entry)
    {
        var period = Periods.Single(p => p.Id == entry.ReportingPeriodId);
        var kind = entry switch
        {
            AllianceMember => EntryKind.Member,
            OperatingIncome => EntryKind.OperatingIncome,
            CooperationProject => EntryKind.CooperationProject,
            TechTransfer => EntryKind.TechTransfer,
            AllianceKpi.Domain.Progress.TechnicalService => EntryKind.TechnicalService,
            PromotionActivity => EntryKind.PromotionActivity,
            MemberService => EntryKind.MemberService,
            DerivedResult => EntryKind.DerivedResult,
            _ => throw new ArgumentException("Unknown entry", nameof(entry)),
        };
        return PeriodReport(period).Find(kind, entry.Id) ?? throw new InvalidOperationException($"No verdict on {kind} {entry.Id}");
    }

    private T Add<T>(List<T> list, T entry, Action<T>? change, ReportingPeriod? period) where T : ProgressEntry
    {
        entry.Id = nextId++;
        entry.ReportingPeriodId = (period ?? First).Id;
        change?.Invoke(entry);
        list.Add(entry);
        return entry;
    }

    private static ReportingPeriod Period(int id, ReportingPeriodKind kind) => new()
    {
        Id = id, Kind = kind, Name = ReportingPeriod.StandardName(2021, kind), Deadline = ReportingPeriod.StandardDeadline(2021, kind),
        State = ReportingPeriodState.Open,
    };
}

internal static class VerdictAssertions
{
    public static void CountedWithoutReasons(this Verdict verdict)
    {
        Assert.True(verdict.Counted, $"Expected counted, got: {verdict}");
        Assert.Empty(verdict.Reasons);
    }

    public static string NotCountedBecause(this Verdict verdict, params string[] fragments)
    {
        Assert.False(verdict.Counted, $"Expected not counted, got: {verdict}");
        var reason = string.Join("；", verdict.Reasons);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, reason);
        }
        return reason;
    }
}
