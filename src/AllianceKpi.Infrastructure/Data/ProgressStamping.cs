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
    private readonly HashSet<int> _years = [];

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
                    break;
                case EvaluationForm form when entry.State != EntityState.Modified
                                              || entry.Property(nameof(EvaluationForm.State)).IsModified
                                              || entry.Property(nameof(EvaluationForm.ExtendedUntil)).IsModified:
                    stamping._projects.Add(form.ProjectId);
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
                    break;
            }
        }
        return stamping;
    }

    /// <summary>
    /// Gives the projects found a new stamp; run inside the save's transaction before its own statements, so that a project's
    /// row is always locked before its entries' rows. A project is stamped with one plain UPDATE (its parameters mapped as EF
    /// maps them): on SQLite this runs while the file's one write lock is held, and EF's ExecuteUpdate took 0.25-0.33 ms of
    /// CPU there to find its cached plan (docs/performance.md, round 14).
    /// </summary>
    public async Task ApplyAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid();
        foreach (var projectId in _projects)
        {
            await db.Database.ExecuteSqlRawAsync(StampOne(db), [stamp, projectId], cancellationToken);
        }
        foreach (var projects in OfYears(db))
        {
            await projects.ExecuteUpdateAsync(set => set.SetProperty(p => p.ProgressStamp, stamp), cancellationToken);
        }
    }

    public void Apply(AppDbContext db)
    {
        var stamp = Guid.NewGuid();
        foreach (var projectId in _projects)
        {
            db.Database.ExecuteSqlRaw(StampOne(db), stamp, projectId);
        }
        foreach (var projects in OfYears(db))
        {
            projects.ExecuteUpdate(set => set.SetProperty(p => p.ProgressStamp, stamp));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> StampOneSql = new();

    /// <summary>UPDATE Projects SET ProgressStamp = {0} WHERE Id = {1}, with the table's and columns' names as the model maps them.</summary>
    private static string StampOne(AppDbContext db) => StampOneSql.GetOrAdd(db.Database.ProviderName ?? "", _ =>
    {
        var entity = db.Model.FindEntityType(typeof(Project))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {Column(nameof(Project.ProgressStamp))} = {{0}} "
               + $"WHERE {Column(nameof(Project.Id))} = {{1}}";
    });

    /// <summary>All projects of each programme year found, one query per year.</summary>
    private IEnumerable<IQueryable<Project>> OfYears(AppDbContext db)
    {
        foreach (var yearId in _years)
        {
            yield return db.Projects.Where(p => db.ProgrammeYears.Any(y => y.Id == yearId && y.Year == p.Year));
        }
    }
}
