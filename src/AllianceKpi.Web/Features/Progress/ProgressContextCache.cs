using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Workflow;
using Microsoft.Extensions.Caching.Memory;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>
/// What a 工作進度 page of one project, period and set of entry kinds was computed from and into — the programme year with
/// its periods, the entries, the rules engine's report, the lock of the period's 管考資料 form — kept by this node while the
/// project's <see cref="Project.ProgressStamp"/> is the one it was loaded under. Every save that changes any of it writes a
/// new stamp in its own transaction, and each request reads the stamp fresh with its role check, so a node never shows what
/// another node (or it) has since changed. A save of one entry made through a page's data carries that data over to the
/// save's new stamp when no other save of the project came between (<see cref="ProgressContextHandler.CarryOverAsync{T}"/>).
/// Bounded by the number of entries held (<see cref="SettingMaxEntries"/>; 0 turns the cache off). The objects held are
/// shared by the requests that find them and must not be changed.
/// </summary>
public sealed class ProgressContextCache : IDisposable
{
    public const string SettingMaxEntries = "Caching:ProgressPages:MaxEntries";

    /// <summary>
    /// A members page of a 50-member alliance counts 51 (its entries and one for the rest) and holds about 42 kB: room for the
    /// pages of about 150 such alliances, some 7 MB. More costs more than its size under a write-heavy load: what is replaced
    /// after each save has lived long enough to be collected late (docs/performance.md, round 10).
    /// </summary>
    public const int DefaultMaxEntries = 8_000;

    private readonly MemoryCache? _cache;

    public ProgressContextCache(IConfiguration configuration)
    {
        var max = MaxEntriesOf(configuration);
        _cache = max > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = max }) : null;
    }

    public static int MaxEntriesOf(IConfiguration configuration) => configuration.GetValue(SettingMaxEntries, DefaultMaxEntries);

    public bool Enabled => _cache is not null;

    /// <summary>The data of the page under the project's current stamp and year, or null.</summary>
    public ProgressPageData? Find(Project project, int periodId, int kinds)
    {
        if (_cache is null || !_cache.TryGetValue(new Key(project.Id, periodId, kinds), out ProgressPageData? data) || data is null)
        {
            return null;
        }
        return data.Stamp == project.ProgressStamp && data.ProjectYear == project.Year ? data : null;
    }

    /// <summary>Keeps the data (replacing what was kept for the same page under an older stamp).</summary>
    public void Store(int projectId, ProgressPageData data)
    {
        if (_cache is null)
        {
            return;
        }
        var size = 1 + data.Entries.Members.Count + data.Entries.Incomes.Count + data.Entries.CooperationProjects.Count
                   + data.Entries.TechTransfers.Count + data.Entries.TechnicalServices.Count + data.Entries.PromotionActivities.Count
                   + data.Entries.MemberServices.Count + data.Entries.DerivedResults.Count;
        _cache.Set(new Key(projectId, data.Period.Id, data.Kinds), data, new MemoryCacheEntryOptions { Size = size });
    }

    /// <summary>A set of entry kinds as one number (bit n for kind n).</summary>
    public static int KindsKey(IReadOnlySet<EntryKind> kinds)
    {
        var key = 0;
        foreach (var kind in kinds)
        {
            key |= 1 << (int)kind;
        }
        return key;
    }

    public void Dispose() => _cache?.Dispose();

    private readonly record struct Key(int ProjectId, int PeriodId, int Kinds);
}

/// <summary>
/// A 工作進度 page's data as of a project's stamp: what <see cref="ProgressContext"/> holds except the project's row (read with
/// every request) and the read-only reason (it depends on today). <see cref="Kinds"/> is the set of entry kinds whose lists
/// were read (<see cref="ProgressContextCache.KindsKey"/>).
/// </summary>
public sealed record ProgressPageData(
    Guid Stamp,
    int ProjectYear,
    ProgrammeYear Year,
    ReportingPeriod Period,
    KpiEntries Entries,
    KpiReport Report,
    FormLock? Form,
    int Kinds)
{
    public bool Holds(EntryKind kind) => (Kinds & (1 << (int)kind)) != 0;
}

/// <summary>The 管考資料 form's lock state of a period (the form may not exist yet).</summary>
public sealed record FormLock(FormState State, DateOnly? ExtendedUntil);
