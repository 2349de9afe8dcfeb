using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Data.ProgressEntryTestData;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// A save of a project's entry writes that project's new progress stamp with a plain UPDATE: the value is stored as EF
/// stores it (so EF's own queries find it), in the save's transaction, and no other project's stamp moves.
/// </summary>
public sealed class ProgressStampWriteTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private int _periodId;
    private int _project;
    private int _otherProject;

    private AppDbContext Context() =>
        new((DbContextOptions<AppDbContext>)DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), _database.Provider,
            _database.ConnectionString).Options);

    public async Task InitializeAsync()
    {
        await using var db = Context();
        await DatabaseSetup.MigrateAsync(db);
        var year = db.ProgrammeYears.Add(NewYear(2021)).Entity;
        var project = db.Projects.Add(NewProject()).Entity;
        var other = db.Projects.Add(NewProject()).Entity;
        await db.SaveChangesAsync();
        (_periodId, _project, _otherProject) = (year.Periods.Single().Id, project.Id, other.Id);
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Guid> StampAsync(int projectId)
    {
        await using var db = Context();
        return await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.ProgressStamp).SingleAsync();
    }

    [Fact]
    public async Task AnEntrySavedGivesItsProjectANewStampThatEfsOwnQueriesFind()
    {
        var (before, otherBefore) = (await StampAsync(_project), await StampAsync(_otherProject));

        await using (var db = Context())
        {
            db.AllianceMembers.Add(Member(_project, _periodId));
            await db.SaveChangesAsync();
        }

        var after = await StampAsync(_project);
        Assert.NotEqual(before, after);
        Assert.NotEqual(Guid.Empty, after);
        Assert.Equal(otherBefore, await StampAsync(_otherProject));
        await using var check = Context();
        // Compared in SQL with EF's parameter: a value stored in another form (a blob for text, say) would not match.
        Assert.Equal(_project, await check.Projects.Where(p => p.ProgressStamp == after).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public void AStampWrittenBySynchronousSaveIsStoredTheSameWay()
    {
        using (var db = Context())
        {
            db.AllianceMembers.Add(Member(_project, _periodId));
            db.SaveChanges();
        }

        using var check = Context();
        var after = check.Projects.AsNoTracking().Where(p => p.Id == _project).Select(p => p.ProgressStamp).Single();
        Assert.Equal(_project, check.Projects.Where(p => p.ProgressStamp == after).Select(p => p.Id).Single());
    }

    [Fact]
    public async Task AStampIsNotKeptWhenTheSaveFails()
    {
        var before = await StampAsync(_project);
        await using (var db = Context())
        {
            var member = Member(_project, _periodId);
            member.ReportingPeriodId = 999_999; // no such period: the save is refused by the foreign key
            db.AllianceMembers.Add(member);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, await StampAsync(_project));
    }
    [Fact]
    public async Task ASaveOverTheStampItsCallerSawTellsTheNewStampAndASaveOverAnOvertakenStampDoesNot()
    {
        var seen = await StampAsync(_project);
        await using (var db = Context())
        {
            db.SavingOverProgressStamp(_project, seen);
            db.AllianceMembers.Add(Member(_project, _periodId));
            await db.SaveChangesAsync();

            var now = await StampAsync(_project);
            Assert.NotEqual(seen, now);
            Assert.Equal(now, db.ProgressStampAfter(_project, seen));
            Assert.Null(db.ProgressStampAfter(_project, Guid.NewGuid()));
            Assert.Null(db.ProgressStampAfter(_otherProject, seen));
        }

        // Another save of the project comes between what the caller read and its own save.
        var overtaken = await StampAsync(_project);
        await using (var other = Context())
        {
            other.AllianceMembers.Add(Member(_project, _periodId));
            await other.SaveChangesAsync();
        }
        await using (var db = Context())
        {
            db.SavingOverProgressStamp(_project, overtaken);
            db.AllianceMembers.Add(Member(_project, _periodId));
            await db.SaveChangesAsync();

            Assert.Null(db.ProgressStampAfter(_project, overtaken));
        }
        var after = await StampAsync(_project);
        Assert.NotEqual(overtaken, after);
        await using var check = Context();
        Assert.Equal(_project, await check.Projects.Where(p => p.ProgressStamp == after).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task TheSynchronousSaveTellsTheNewStampTheSameWay()
    {
        var seen = await StampAsync(_project);
        await using var db = Context();
        db.SavingOverProgressStamp(_project, seen);
        db.AllianceMembers.Add(Member(_project, _periodId));
        db.SaveChanges();

        Assert.Equal(await StampAsync(_project), db.ProgressStampAfter(_project, seen));
    }

    [Fact]
    public async Task ASaveOfTwoEntriesOrAFailedSaveTellsNoNewStamp()
    {
        var seen = await StampAsync(_project);
        await using (var db = Context())
        {
            db.SavingOverProgressStamp(_project, seen);
            db.AllianceMembers.AddRange(Member(_project, _periodId), Member(_project, _periodId));
            await db.SaveChangesAsync();

            Assert.NotEqual(seen, await StampAsync(_project));
            Assert.Null(db.ProgressStampAfter(_project, seen));
        }

        seen = await StampAsync(_project);
        await using (var db = Context())
        {
            db.SavingOverProgressStamp(_project, seen);
            var member = Member(_project, _periodId);
            member.ReportingPeriodId = 999_999; // refused by the foreign key
            db.AllianceMembers.Add(member);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

            Assert.Null(db.ProgressStampAfter(_project, seen));
        }
        Assert.Equal(seen, await StampAsync(_project));
    }
}
