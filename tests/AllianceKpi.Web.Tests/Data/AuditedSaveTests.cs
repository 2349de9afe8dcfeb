using System.Data.Common;
using AllianceKpi.Domain.Audit;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static AllianceKpi.Web.Tests.Data.ProgressEntryTestData;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// How <see cref="AppDbContext"/> writes an audited save: a change of existing records goes out with its audit rows in one
/// pass of EF's save; a new record's row waits for its id; a save refused for a version conflict leaves no row behind,
/// neither in the database nor waiting in the context for its next save.
/// </summary>
public sealed class AuditedSaveTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly SaveCounter _saves = new();
    private readonly SavepointCounter _savepoints = new();
    private int _projectId;
    private int _periodId;

    private sealed class Source : IAuditSource
    {
        public string? UserId => "auditor";
        public DateTime UtcNow { get; } = new(2021, 6, 1, 2, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>Counts the passes of EF's save (each pass builds and runs its own statement batch).</summary>
    private sealed class SaveCounter : SaveChangesInterceptor
    {
        public int Passes;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Passes);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Counts the savepoints EF sets (it sets one around each pass of its save made in a transaction already open).</summary>
    private sealed class SavepointCounter : DbTransactionInterceptor
    {
        public int Set;

        public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            Interlocked.Increment(ref Set);
            return result;
        }

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Set);
            return ValueTask.FromResult(result);
        }
    }

    private AppDbContext Context(bool audited = true)
    {
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), _database.Provider, _database.ConnectionString)
            .AddInterceptors(_saves, _savepoints);
        return new AppDbContext((DbContextOptions<AppDbContext>)options.Options) { AuditSource = audited ? new Source() : null };
    }

    public async Task InitializeAsync()
    {
        await using var db = Context(audited: false);
        await DatabaseSetup.MigrateAsync(db);
        var year = db.ProgrammeYears.Add(NewYear(2021)).Entity;
        var project = db.Projects.Add(NewProject()).Entity;
        await db.SaveChangesAsync();
        (_projectId, _periodId) = (project.Id, year.Periods.Single().Id);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A member saved without an audit source, so that it has no row of its own.</summary>
    private async Task<int> ExistingMemberAsync()
    {
        await using var setup = Context(audited: false);
        var added = setup.AllianceMembers.Add(Member(_projectId, _periodId)).Entity;
        await setup.SaveChangesAsync();
        return added.Id;
    }

    private async Task<List<AuditEntry>> RowsAsync(int memberId)
    {
        await using var db = Context(audited: false);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "AllianceMember" && a.EntityId == memberId)
            .OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task ANewRecordsRowCarriesTheIdItWasGivenAndAChangeGoesOutWithItsRowInOnePass()
    {
        await using var db = Context();
        var member = db.AllianceMembers.Add(Member(_projectId, _periodId)).Entity;
        _saves.Passes = 0;
        await db.SaveChangesAsync();
        Assert.Equal(2, _saves.Passes); // the member first, for its id; then its row

        member.CompanyName = "改名精機股份有限公司";
        _saves.Passes = 0;
        Assert.Equal(1, await db.SaveChangesAsync()); // the member alone is counted, as before: not its audit row
        Assert.Equal(1, _saves.Passes);

        var rows = await RowsAsync(member.Id);
        Assert.Equal([AuditAction.Added, AuditAction.Modified], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal((_projectId, "auditor"), (r.ProjectId, r.UserId)));
        Assert.Contains("改名精機股份有限公司", rows[1].Changes);
    }

    [Fact]
    public async Task AnEditLinkingAFileAddedInTheSameSaveLogsTheFilesRealIdNotItsTemporaryOne()
    {
        var memberId = await ExistingMemberAsync();
        await using var db = Context();
        var member = await db.AllianceMembers.SingleAsync(m => m.Id == memberId);
        var file = db.Attachments.Add(new Attachment
        {
            ProjectId = _projectId, StorageKey = "audit/" + Guid.NewGuid(), OriginalName = "合約.pdf", ContentType = "application/pdf",
            Length = 4, Sha256 = new string('0', 64), UploadedAt = new DateTime(2021, 6, 1, 2, 0, 0, DateTimeKind.Utc), UploadedByUserId = "auditor",
        }).Entity;
        // As the upload links it: the file's key is EF's temporary one until the save.
        member.AttachmentId = db.Entry(file).Property(a => a.Id).CurrentValue;
        Assert.True(member.AttachmentId < 0);

        _saves.Passes = 0;
        await db.SaveChangesAsync();

        Assert.Equal(2, _saves.Passes); // the file's key is known after the first
        var change = AuditTrail.Read(Assert.Single(await RowsAsync(memberId)).Changes).Single(c => c.Field == "AttachmentId");
        Assert.Equal((null, file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (change.Before, change.After));
        Assert.True(file.Id > 0);
    }

    [Fact]
    public async Task ASaveRefusedForAVersionConflictLeavesNoRowBehindAndTheNextSaveWritesOne()
    {
        var memberId = await ExistingMemberAsync();
        await using var db = Context();
        var member = await db.AllianceMembers.SingleAsync(m => m.Id == memberId);
        await using (var other = Context(audited: false))
        {
            (await other.AllianceMembers.SingleAsync(m => m.Id == memberId)).Phone = "02-1234-5678";
            await other.SaveChangesAsync(); // a new version meanwhile
        }

        member.CompanyName = "衝突測試有限公司";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.True(db.Database.AutoSavepointsEnabled); // put back after a failed save too
        Assert.Empty(await RowsAsync(memberId));
        Assert.Empty(db.ChangeTracker.Entries<AuditEntry>());

        await db.Entry(member).ReloadAsync();
        member.CompanyName = "衝突後重存有限公司";
        await db.SaveChangesAsync();
        var rows = await RowsAsync(memberId);
        Assert.Equal([AuditAction.Modified], rows.Select(r => r.Action));
        Assert.Contains("衝突後重存有限公司", rows[0].Changes);
        Assert.DoesNotContain("衝突測試有限公司", rows[0].Changes);
    }

    [Fact]
    public async Task ASaveInATransactionOfItsOwnSetsNoSavepointWhileInACallersTransactionEFStillSetsOne()
    {
        var memberId = await ExistingMemberAsync();
        await using var db = Context();
        var member = await db.AllianceMembers.SingleAsync(m => m.Id == memberId);

        member.CompanyName = "無儲存點非同步有限公司";
        _savepoints.Set = 0;
        await db.SaveChangesAsync();
        member.CompanyName = "無儲存點同步有限公司";
        db.SaveChanges();
        Assert.Equal(0, _savepoints.Set);
        Assert.True(db.Database.AutoSavepointsEnabled);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            member.CompanyName = "呼叫端交易有限公司";
            await db.SaveChangesAsync();
            Assert.Equal(1, _savepoints.Set); // a caller may go on after a failed save, back at EF's savepoint
            await transaction.CommitAsync();
        }

        var rows = await RowsAsync(memberId);
        Assert.Equal(3, rows.Count);
        Assert.Contains("無儲存點非同步有限公司", rows[0].Changes);
        Assert.Contains("無儲存點同步有限公司", rows[1].Changes);
        Assert.Contains("呼叫端交易有限公司", rows[2].Changes);
    }
}
