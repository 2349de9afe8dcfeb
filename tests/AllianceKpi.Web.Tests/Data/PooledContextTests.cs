using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>
/// The portal's contexts come from EF's pool (<see cref="DatabaseSetup.AddAppDatabase"/>): a context used by one request is
/// handed to a later one, which must see that request's audit source and nothing of the earlier request.
/// </summary>
public sealed class PooledContextTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private ServiceProvider _services = null!;

    private sealed class Source(string userId) : IAuditSource
    {
        public string? UserId { get; } = userId;
        public DateTime UtcNow { get; } = new(2021, 6, 1, 2, 0, 0, DateTimeKind.Utc);
    }

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddAppDatabase(_database.Provider, _database.ConnectionString);
        var next = 0;
        services.AddScoped<IAuditSource>(_ => new Source("user-" + Interlocked.Increment(ref next)));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = _services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task AContextHandedToALaterRequestCarriesThatRequestsAuditSourceAndNoneOnceReturned()
    {
        AppDbContext first;
        await using (var scope = _services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Same(scope.ServiceProvider.GetRequiredService<IAuditSource>(), first.AuditSource);
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Same(first, second); // the pool gave the same context back: what the rest of the test relies on
            Assert.Same(scope.ServiceProvider.GetRequiredService<IAuditSource>(), second.AuditSource);
        }

        await using var unscoped = _services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.Same(first, unscoped);
        Assert.Null(unscoped.AuditSource); // no request's user may be written into another's audit rows
    }

    [Fact]
    public async Task ASaveThroughAReusedContextIsAuditedAsTheUserOfItsOwnRequestAndTracksNothingOfTheLastOne()
    {
        int memberId;
        string firstUser;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            firstUser = scope.ServiceProvider.GetRequiredService<IAuditSource>().UserId!;
            var project = ProgressEntryTestData.NewProject();
            var year = ProgressEntryTestData.NewYear(2021);
            db.Add(project);
            db.Add(year);
            await db.SaveChangesAsync();
            var member = ProgressEntryTestData.Member(project.Id, year.Periods[0].Id);
            db.Add(member);
            await db.SaveChangesAsync();
            memberId = member.Id;
        }

        string secondUser;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            secondUser = scope.ServiceProvider.GetRequiredService<IAuditSource>().UserId!;
            Assert.Empty(db.ChangeTracker.Entries());
            var member = await db.AllianceMembers.SingleAsync(m => m.Id == memberId);
            member.Representative = "陳小華";
            await db.SaveChangesAsync();
        }

        await using var check = _services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var rows = await check.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(AllianceKpi.Domain.Progress.AllianceMember) && a.EntityId == memberId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([firstUser, secondUser], rows.Select(r => r.UserId));
        Assert.NotEqual(firstUser, secondUser);
        Assert.Contains("陳小華", rows[1].Changes, StringComparison.Ordinal);
    }
}
