using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi;

/// <summary>What the office's cockpit flags for a closer look; none of them changes a figure.</summary>
public enum AnomalyKind
{
    /// <summary>The same company (統一編號, or the same name) is a member of several alliances.</summary>
    SharedCompany = 1,

    /// <summary>A member's contract ends 1 to 7 days before the 管考截止日: it just misses the cutoff.</summary>
    ContractEndsJustBeforeCutoff = 2,

    /// <summary>An income's 會計核定日期 is the last day of the income window.</summary>
    IncomeOnLastDay = 3,

    /// <summary>A project has no entry of any kind in a period that accepts reports today.</summary>
    NoEntriesInOpenPeriod = 4,
}

/// <summary>Where an anomaly points: a project in a period, and one of its entries (none: the project's period as a whole).</summary>
public sealed record AnomalySite(int ProjectId, int PeriodId, EntryKind? Kind = null, int? EntryId = null);

public sealed record Anomaly(AnomalyKind Kind, string Message, IReadOnlyList<AnomalySite> Sites);

/// <summary>The year (cutoff, income window), its periods, every project's entries (project id → entries) and today.</summary>
public sealed record AnomalyInput(
    ProgrammeYear Year,
    IReadOnlyList<ReportingPeriod> Periods,
    IReadOnlyDictionary<int, KpiEntries> EntriesByProject,
    DateOnly Today);

/// <summary>
/// The cockpit's anomaly flags over all projects of a programme year. Pure: the caller passes the entries and today.
/// Boundaries: a contract ending 1–7 days before the cutoff is flagged; ending on the cutoff day spans it (it counts) and is
/// not flagged, nor is one ending 8 or more days before. Only the bases the cutoff applies to (會員合約, 合作備忘錄, 入會申請書).
/// </summary>
public static class Anomalies
{
    public const int ContractWarningDays = 7;

    private static readonly MembershipBasis[] CutoffBases = [MembershipBasis.Contract, MembershipBasis.Memorandum, MembershipBasis.Application];

    private static readonly string[] CompanySuffixes = ["股份有限公司", "有限公司", "公司"];

    public static IReadOnlyList<Anomaly> Detect(AnomalyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. SharedCompanies(input), .. ContractsEndingJustBeforeCutoff(input), .. IncomesOnLastDay(input), .. EmptyOpenPeriods(input)];
    }

    /// <summary>A company name for matching across alliances: the engine's name key, 臺 as 台, without 股份有限公司/有限公司/公司 at the end.</summary>
    public static string CompanyKey(string? name)
    {
        var key = Say.NameKey(name).Replace('臺', '台');
        foreach (var suffix in CompanySuffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                return key[..^suffix.Length];
            }
        }
        return key;
    }

    private static IEnumerable<Anomaly> SharedCompanies(AnomalyInput input)
    {
        var members = input.EntriesByProject.OrderBy(p => p.Key)
            .SelectMany(p => p.Value.Members.Where(m => m.Type != MemberType.Individual).Select(m => (ProjectId: p.Key, Member: m)))
            .ToList();
        var groups = new CompanyGroups(members.Count);
        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i].Member;
            foreach (var key in new[] { TaxKey(member.TaxId), NameKeyOf(member.CompanyName) })
            {
                if (key.Length == 0)
                {
                    continue;
                }
                if (firstByKey.TryGetValue(key, out var first))
                {
                    groups.Join(first, i);
                }
                else
                {
                    firstByKey[key] = i;
                }
            }
        }
        return Enumerable.Range(0, members.Count).GroupBy(groups.Root)
            .Select(g => g.Select(i => members[i]).ToList())
            .Where(g => g.Select(m => m.ProjectId).Distinct().Count() > 1)
            .Select(g =>
            {
                var taxId = g.Select(m => m.Member.TaxId).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
                var name = g[0].Member.CompanyName.Trim();
                var projects = g.Select(m => m.ProjectId).Distinct().Count();
                var message = taxId is null
                    ? $"「{name}」同時為 {projects} 個聯盟的會員（依公司名稱比對）"
                    : $"「{name}」（統一編號 {taxId.Trim()}）同時為 {projects} 個聯盟的會員";
                return new Anomaly(AnomalyKind.SharedCompany, message,
                    g.Select(m => new AnomalySite(m.ProjectId, m.Member.ReportingPeriodId, EntryKind.Member, m.Member.Id)).ToList());
            });
    }

    private static string TaxKey(string? taxId) => string.IsNullOrWhiteSpace(taxId) ? "" : "tax:" + taxId.Trim();

    private static string NameKeyOf(string name) => CompanyKey(name) is { Length: > 0 } key ? "name:" + key : "";

    private static IEnumerable<Anomaly> ContractsEndingJustBeforeCutoff(AnomalyInput input)
    {
        var cutoff = input.Year.MemberCutoff;
        foreach (var (projectId, entries) in input.EntriesByProject.OrderBy(p => p.Key))
        {
            foreach (var member in entries.Members.Where(m => CutoffBases.Contains(m.Basis)))
            {
                var daysBefore = cutoff.DayNumber - member.ContractEnd.DayNumber;
                if (daysBefore is >= 1 and <= ContractWarningDays)
                {
                    yield return new Anomaly(AnomalyKind.ContractEndsJustBeforeCutoff,
                        $"會員「{member.CompanyName.Trim()}」契約截止日 {Say.Day(member.ContractEnd)}，在管考截止日 {Say.Day(cutoff)} 前 {daysBefore} 天",
                        [new AnomalySite(projectId, member.ReportingPeriodId, EntryKind.Member, member.Id)]);
                }
            }
        }
    }

    private static IEnumerable<Anomaly> IncomesOnLastDay(AnomalyInput input)
    {
        var window = input.Year.IncomeWindow;
        foreach (var (projectId, entries) in input.EntriesByProject.OrderBy(p => p.Key))
        {
            foreach (var income in entries.Incomes.Where(i => i.AccountingDate == window.End))
            {
                yield return new Anomaly(AnomalyKind.IncomeOnLastDay,
                    $"營運收入 {Say.Money(income.Total)} 仟元的會計核定日期 {Say.Day(income.AccountingDate)} 為收入認列期間 {Say.Range(window)} 的最後一天",
                    [new AnomalySite(projectId, income.ReportingPeriodId, EntryKind.OperatingIncome, income.Id)]);
            }
        }
    }

    private static IEnumerable<Anomaly> EmptyOpenPeriods(AnomalyInput input)
    {
        var open = input.Periods
            .Where(p => p.Kind != ReportingPeriodKind.ExpectedResults && p.AcceptsReportsOn(input.Today))
            .OrderBy(p => p.Kind).ThenBy(p => p.Id)
            .ToList();
        foreach (var period in open)
        {
            foreach (var (projectId, entries) in input.EntriesByProject.OrderBy(p => p.Key))
            {
                if (!HasEntryIn(entries, period.Id))
                {
                    yield return new Anomaly(AnomalyKind.NoEntriesInOpenPeriod, $"「{period.Name}」開放填報中，尚無任何工作進度資料",
                        [new AnomalySite(projectId, period.Id)]);
                }
            }
        }
    }

    private static bool HasEntryIn(KpiEntries entries, int periodId) =>
        entries.Members.Any(e => e.ReportingPeriodId == periodId)
        || entries.Incomes.Any(e => e.ReportingPeriodId == periodId)
        || entries.CooperationProjects.Any(e => e.ReportingPeriodId == periodId)
        || entries.TechTransfers.Any(e => e.ReportingPeriodId == periodId)
        || entries.TechnicalServices.Any(e => e.ReportingPeriodId == periodId)
        || entries.PromotionActivities.Any(e => e.ReportingPeriodId == periodId)
        || entries.MemberServices.Any(e => e.ReportingPeriodId == periodId)
        || entries.DerivedResults.Any(e => e.ReportingPeriodId == periodId);

    /// <summary>Union–find over member indices: members sharing a 統一編號 or a name key end up under one root.</summary>
    private sealed class CompanyGroups(int count)
    {
        private readonly int[] parent = Enumerable.Range(0, count).ToArray();

        public int Root(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        public void Join(int a, int b)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
    }
}
