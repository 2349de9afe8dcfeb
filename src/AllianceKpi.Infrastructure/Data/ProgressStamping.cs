using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>
/// Which projects' <see cref="Project.ProgressStamp"/> a save changes, found among the tracked changes before they are
/// saved: the project of each added, changed or deleted 工作進度 entry; the project of a 管考資料 form added, deleted or with its
/// state or extension changed (its other fields are not on the progress pages); every project of a programme year whose
/// windows or periods changed; a changed project itself. Written with the save, in its transaction (<see cref="AppDbContext"/>).
/// </summary>
internal sealed class ProgressStamping
{
    private readonly HashSet<int> _projects = [];
    private readonly Dictionary<int, int> _entries = [];
    private readonly HashSet<int> _years = [];
    private readonly HashSet<int> _others = [];

    public bool IsEmpty => _projects.Count == 0 && _years.Count == 0;

    public static ProgressStamping Of(ChangeTracker tracker)
    {
        var stamping = new ProgressStamping();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                case ProgressEntry progress:
                    stamping._projects.Add(progress.ProjectId);
                    stamping._entries[progress.ProjectId] = stamping._entries.GetValueOrDefault(progress.ProjectId) + 1;
                    break;
                case EvaluationForm form when entry.State != EntityState.Modified
                                              || entry.Property(nameof(EvaluationForm.State)).IsModified
                                              || entry.Property(nameof(EvaluationForm.ExtendedUntil)).IsModified:
                    stamping._projects.Add(form.ProjectId);
                    stamping._others.Add(form.ProjectId);
                    break;
                case ProgrammeYear year when entry.State != EntityState.Added:
                    stamping._years.Add(year.Id);
                    break;
                case ReportingPeriod period when entry.State != EntityState.Added || period.ProgrammeYearId > 0:
                    stamping._years.Add(period.ProgrammeYearId);
                    break;
                case Project project when entry.State != EntityState.Deleted:
                    // Saved with the project's own row (its year may have changed).
                    project.ProgressStamp = Guid.NewGuid();
                    stamping._others.Add(project.Id);
                    break;
            }
        }
        return stamping;
    }

    /// <summary>
    /// The projects of which this save changed one entry and nothing else (<see cref="OneEntryOnly"/>) and whose stamp it replaced
    /// while that stamp was still the one its caller had seen (<see cref="AppDbContext.SavingOverProgressStamp"/>), with the
    /// stamp seen and the new one; filled by <see cref="ApplyAsync"/>.
    /// </summary>
    public List<(int Project, Guid Seen, Guid Next)> Followed { get; } = [];

    /// <summary>
    /// Whether, of what the project's progress pages stand on, this save changes one entry and nothing else: not its row, its
    /// 管考資料 form's lock or its programme year.
    /// </summary>
    private bool OneEntryOnly(int projectId) =>
        _entries.GetValueOrDefault(projectId) == 1 && !_others.Contains(projectId) && _years.Count == 0;

    /// <summary>Whether this save may give the project a new stamp (its entries, its row or its programme year changed).</summary>
    public bool MayStamp(int projectId) => _years.Count > 0 || _projects.Contains(projectId) || _others.Contains(projectId);

    /// <summary>
    /// Gives the projects found a new stamp; run inside the save's transaction before its own statements, so that a project's
    /// row is always locked before its entries' rows. A project is stamped with one plain UPDATE (its parameters mapped as EF
    /// maps them): on SQLite this runs while the file's one write lock is held, and EF's ExecuteUpdate took 0.25-0.33 ms of
    /// CPU there to find its cached plan (docs/performance.md, round 14). When the caller has said which stamp its data was
    /// read under (<paramref name="seen"/>) and the save changes one entry of the project, the UPDATE replaces only that
    /// stamp; when another save has replaced it since, a second, plain UPDATE follows.
    /// </summary>
    public async Task ApplyAsync(AppDbContext db, IReadOnlyDictionary<int, Guid> seen, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid();
        foreach (var projectId in _projects)
        {
            if (OneEntryOnly(projectId) && seen.TryGetValue(projectId, out var was)
                && await db.Database.ExecuteSqlRawAsync(StampIf(db), [stamp, projectId, was], cancellationToken) == 1)
            {
                Followed.Add((projectId, was, stamp));
                continue;
            }
            await db.Database.ExecuteSqlRawAsync(StampOne(db), [stamp, projectId], cancellationToken);
        }
        foreach (var projects in OfYears(db))
        {
            await projects.ExecuteUpdateAsync(set => set.SetProperty(p => p.ProgressStamp, stamp), cancellationToken);
        }
    }

    public void Apply(AppDbContext db, IReadOnlyDictionary<int, Guid> seen)
    {
        var stamp = Guid.NewGuid();
        foreach (var projectId in _projects)
        {
            if (OneEntryOnly(projectId) && seen.TryGetValue(projectId, out var was) && db.Database.ExecuteSqlRaw(StampIf(db), stamp, projectId, was) == 1)
            {
                Followed.Add((projectId, was, stamp));
                continue;
            }
            db.Database.ExecuteSqlRaw(StampOne(db), stamp, projectId);
        }
        foreach (var projects in OfYears(db))
        {
            projects.ExecuteUpdate(set => set.SetProperty(p => p.ProgressStamp, stamp));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> StampOneSql = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> StampIfSql = new();

    /// <summary>UPDATE Projects SET ProgressStamp = {0} WHERE Id = {1}, with the table's and columns' names as the model maps them.</summary>
    private static string StampOne(AppDbContext db) => StampOneSql.GetOrAdd(db.Database.ProviderName ?? "", _ => StampSql(db, false));

    /// <summary>As <see cref="StampOne"/>, AND ProgressStamp = {2}.</summary>
    private static string StampIf(AppDbContext db) => StampIfSql.GetOrAdd(db.Database.ProviderName ?? "", _ => StampSql(db, true));

    private static string StampSql(AppDbContext db, bool ifStill)
    {
        var entity = db.Model.FindEntityType(typeof(Project))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var stamp = Column(nameof(Project.ProgressStamp));
        return $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {stamp} = {{0}} WHERE {Column(nameof(Project.Id))} = {{1}}"
               + (ifStill ? $" AND {stamp} = {{2}}" : "");
    }

    /// <summary>All projects of each programme year found, one query per year.</summary>
    private IEnumerable<IQueryable<Project>> OfYears(AppDbContext db)
    {
        foreach (var yearId in _years)
        {
            yield return db.Projects.Where(p => db.ProgrammeYears.Any(y => y.Id == yearId && y.Year == p.Year));
        }
    }
}
