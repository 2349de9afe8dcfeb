using AllianceKpi.Domain.Audit;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Content;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Websites;
using AllianceKpi.Domain.Reports;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.DataProtection;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Submissions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>
/// The portal's database. Saving stamps new concurrency tokens and, when an <see cref="AuditSource"/> is given (the web app
/// always gives one), writes an audit row for every change of an audited record in the same transaction.
/// </summary>
/// <remarks>
/// The web app takes its contexts from EF's pool (<see cref="DatabaseSetup.AddAppDatabase"/>), which needs this one
/// constructor; the audit source is set on each context handed to a request and cleared when the context goes back.
/// </remarks>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    /// <summary>Who and from where, for the audit rows of this context's saves; none, no audit rows.</summary>
    public IAuditSource? AuditSource { get; set; }

    public DbSet<ProgrammeYear> ProgrammeYears => Set<ProgrammeYear>();
    public DbSet<ReportingPeriod> ReportingPeriods => Set<ReportingPeriod>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<AllianceProfile> AllianceProfiles => Set<AllianceProfile>();
    public DbSet<AllianceBanner> AllianceBanners => Set<AllianceBanner>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<NewsItem> News => Set<NewsItem>();
    public DbSet<QaEntry> QaEntries => Set<QaEntry>();
    public DbSet<OutboxEmail> Outbox => Set<OutboxEmail>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AllianceMember> AllianceMembers => Set<AllianceMember>();
    public DbSet<OperatingIncome> OperatingIncomes => Set<OperatingIncome>();
    public DbSet<CooperationProject> CooperationProjects => Set<CooperationProject>();
    public DbSet<TechTransfer> TechTransfers => Set<TechTransfer>();
    public DbSet<TechnicalService> TechnicalServices => Set<TechnicalService>();
    public DbSet<PromotionActivity> PromotionActivities => Set<PromotionActivity>();
    public DbSet<MemberService> MemberServices => Set<MemberService>();
    public DbSet<DerivedResult> DerivedResults => Set<DerivedResult>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ExpectedResults> ExpectedResults => Set<ExpectedResults>();
    public DbSet<EvaluationForm> EvaluationForms => Set<EvaluationForm>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<WorkflowEvent> WorkflowEvents => Set<WorkflowEvent>();
    public DbSet<WebsiteCheck> WebsiteChecks => Set<WebsiteCheck>();
    public DbSet<SubmittedSummary> SubmittedSummaries => Set<SubmittedSummary>();
    public DbSet<SummaryPdf> SummaryPdfs => Set<SummaryPdf>();
    public DbSet<SummaryZipJob> SummaryZipJobs => Set<SummaryZipJob>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SubmissionKey> SubmissionKeys => Set<SubmissionKey>();

    private readonly Dictionary<int, Guid> _stampsSeen = [];
    private readonly Dictionary<int, (Guid Seen, Guid Next)> _stampsFollowed = [];

    /// <summary>
    /// Tells this context's saves which progress stamp of the project its caller's data was read under. A save that stamps the
    /// project then replaces that stamp only while it is still the project's, and <see cref="ProgressStampAfter"/> tells the
    /// caller whether it did: whether its data, with the save's own change made to it, is the project's as of the new stamp.
    /// </summary>
    public void SavingOverProgressStamp(int projectId, Guid seen) => _stampsSeen[projectId] = seen;

    /// <summary>
    /// The stamp this context's last save of the project's progress gave it, when that save replaced <paramref name="seen"/>
    /// (no other save of the project came between); null otherwise. Read only after the save's transaction has committed.
    /// </summary>
    public Guid? ProgressStampAfter(int projectId, Guid seen) =>
        _stampsFollowed.TryGetValue(projectId, out var followed) && followed.Seen == seen ? followed.Next : null;

    public override void Dispose()
    {
        ForgetRequest(); // a pooled context must not carry one request's audit source or stamps into the next
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ForgetRequest();
        return base.DisposeAsync();
    }

    private void ForgetRequest()
    {
        AuditSource = null;
        _stampsSeen.Clear();
        _stampsFollowed.Clear();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        IdentityModel.Configure(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 3);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        var progress = ProgressStamping.Of(ChangeTracker);
        var audit = AuditSource is null ? [] : AuditTrail.Capture(ChangeTracker, AuditSource);
        if (audit.Count == 0 && progress.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        var early = AddAuditRowsKnownNow(audit);
        using var transaction = BeginUnlessInOne(early);
        using var noSavepoints = OwnTransactionWithoutSavepoints(transaction);
        int saved;
        try
        {
            Unfollow(progress);
            progress.Apply(this, _stampsSeen);
            saved = base.SaveChanges(acceptAllChangesOnSuccess) - early.Count;
        }
        catch
        {
            Forget(early);
            throw;
        }
        if (early.Count == 0 && audit.Count > 0)
        {
            AuditEntries.AddRange(AuditTrail.Complete(audit));
            base.SaveChanges(acceptAllChangesOnSuccess);
        }
        transaction?.Commit();
        Follow(progress);
        return saved;
    }

    /// <summary>
    /// Saves the changes and, in the same transaction, the new progress stamps of the projects they touch (first, see
    /// <see cref="ProgressStamping"/>) and their audit rows (with the changes, or in a second batch when a new record's id
    /// is needed).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        var progress = ProgressStamping.Of(ChangeTracker);
        var audit = AuditSource is null ? [] : AuditTrail.Capture(ChangeTracker, AuditSource);
        if (audit.Count == 0 && progress.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // The audit rows known before the save are made before the transaction begins: on SQLite the transaction holds the
        // file's one write lock, and what needs no lock is done outside it (docs/performance.md, round 15).
        var early = AddAuditRowsKnownNow(audit);
        await using var transaction = await BeginUnlessInOneAsync(early, cancellationToken);
        using var noSavepoints = OwnTransactionWithoutSavepoints(transaction);
        int saved;
        try
        {
            Unfollow(progress);
            await progress.ApplyAsync(this, _stampsSeen, cancellationToken);
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken) - early.Count;
        }
        catch
        {
            Forget(early);
            throw;
        }
        if (early.Count == 0 && audit.Count > 0)
        {
            AuditEntries.AddRange(AuditTrail.Complete(audit));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        Follow(progress);
        return saved;
    }

    /// <summary>
    /// When no audited record is new, every audit row's id is known before the save, so the rows go into the same statement
    /// batch as the changes: one pass of EF's save instead of two inside the transaction, which on SQLite holds the file's one
    /// write lock (docs/performance.md, round 13). A new record's row, and one naming a record added in the same save (a file
    /// uploaded with an edit), waits for the keys: a second batch after the first.
    /// </summary>
    private List<AuditEntry> AddAuditRowsKnownNow(List<AuditTrail.Pending> audit)
    {
        if (audit.Count == 0 || audit.Exists(p => p.WaitsForSave))
        {
            return [];
        }
        var rows = AuditTrail.Complete(audit).ToList();
        AuditEntries.AddRange(rows);
        return rows;
    }

    /// <summary>A transaction for the save unless the caller has one; a failed begin leaves no audit row tracked.</summary>
    private IDbContextTransaction? BeginUnlessInOne(List<AuditEntry> early)
    {
        try
        {
            return Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        }
        catch
        {
            Forget(early);
            throw;
        }
    }

    private async Task<IDbContextTransaction?> BeginUnlessInOneAsync(List<AuditEntry> early, CancellationToken cancellationToken)
    {
        try
        {
            return Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        }
        catch
        {
            Forget(early);
            throw;
        }
    }

    /// <summary>
    /// In a transaction this save began itself, EF's automatic savepoint around each batch is left out: a failed batch ends
    /// the save and its transaction is rolled back whole, so a savepoint to go back to is never used, yet it cost two more
    /// statements per batch (<c>SAVEPOINT</c> and <c>RELEASE</c>: two round trips to PostgreSQL, and on SQLite two statements
    /// while the file's write lock is held). A caller's transaction keeps them: a caller may go on after a failed save (an
    /// entry's insert that lost a race, say). Answers what puts the setting back, or null when nothing changed.
    /// </summary>
    private SavepointsRestored? OwnTransactionWithoutSavepoints(IDbContextTransaction? own)
    {
        if (own is null || !Database.AutoSavepointsEnabled)
        {
            return null;
        }
        Database.AutoSavepointsEnabled = false;
        return new SavepointsRestored(Database);
    }

    private sealed class SavepointsRestored(DatabaseFacade database) : IDisposable
    {
        public void Dispose() => database.AutoSavepointsEnabled = true;
    }

    /// <summary>What an earlier save followed is forgotten for every project this save may stamp.</summary>
    private void Unfollow(ProgressStamping progress)
    {
        foreach (var projectId in _stampsFollowed.Keys.Where(progress.MayStamp).ToList())
        {
            _stampsFollowed.Remove(projectId);
        }
    }

    /// <summary>
    /// Remembers which stamps the save replaced as its caller had seen them; in a caller's transaction, the caller reads them
    /// only once it has committed.
    /// </summary>
    private void Follow(ProgressStamping progress)
    {
        foreach (var (projectId, seen, next) in progress.Followed)
        {
            _stampsFollowed[projectId] = (seen, next);
        }
    }

    /// <summary>A save that failed (a version conflict, say) leaves no audit row behind for the next save of this context.</summary>
    private void Forget(List<AuditEntry> rows)
    {
        foreach (var row in rows)
        {
            Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Every added or modified aggregate gets a new concurrency token; the old one stays in the WHERE clause.</summary>
    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
