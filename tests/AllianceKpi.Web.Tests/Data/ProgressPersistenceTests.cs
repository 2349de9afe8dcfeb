using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Data.ProgressEntryTestData;

namespace AllianceKpi.Web.Tests.Data;

/// <summary>Work-progress entries on the real database of the provider under test: values, delete rules, concurrency.</summary>
public sealed class ProgressPersistenceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Arranged(int ProjectId, int PeriodId, int MemberId);

    private Task<Arranged> ArrangeAsync() => factory.WithDbAsync(async db =>
    {
        var project = db.Projects.Add(NewProject()).Entity;
        var periodId = await db.ReportingPeriods.Where(p => p.ProgrammeYear!.Year == 2021).Select(p => p.Id).FirstAsync();
        await db.SaveChangesAsync();
        var member = db.AllianceMembers.Add(Member(project.Id, periodId)).Entity;
        await db.SaveChangesAsync();
        return new Arranged(project.Id, periodId, member.Id);
    });

    [Fact]
    public async Task OneEntryOfEveryKindIsReadBackAsSaved()
    {
        var (projectId, periodId, memberId) = await ArrangeAsync();
        await factory.WithDbAsync(db =>
        {
            db.AddRange(Income(projectId, periodId, memberId), Cooperation(projectId, periodId, memberId), Transfer(projectId, periodId),
                Service(projectId, periodId, memberId), Activity(projectId, periodId), Visit(projectId, periodId), Patent(projectId, periodId, memberId));
            return db.SaveChangesAsync();
        });

        await factory.WithDbAsync(async db =>
        {
            await AssertSameAsync(db.AllianceMembers, projectId, Member(projectId, periodId));
            var member = await db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == memberId);
            Assert.Equal(12.345m, member.FeeAmount);
            Assert.Equal(new DateOnly(2022, 2, 28), member.ContractEnd);
            Assert.Equal(DateTimeKind.Utc, member.CreatedAt.Kind);
            Assert.NotEqual(Guid.Empty, member.Version);
            await AssertSameAsync(db.OperatingIncomes, projectId, Income(projectId, periodId, memberId));
            await AssertSameAsync(db.CooperationProjects, projectId, Cooperation(projectId, periodId, memberId));
            await AssertSameAsync(db.TechTransfers, projectId, Transfer(projectId, periodId));
            await AssertSameAsync(db.TechnicalServices, projectId, Service(projectId, periodId, memberId));
            await AssertSameAsync(db.PromotionActivities, projectId, Activity(projectId, periodId));
            await AssertSameAsync(db.MemberServices, projectId, Visit(projectId, periodId));
            await AssertSameAsync(db.DerivedResults, projectId, Patent(projectId, periodId, memberId));
            var income = await db.OperatingIncomes.AsNoTracking().SingleAsync(i => i.ProjectId == projectId);
            Assert.Equal(1_000_012.345m, income.Total);
        });
    }

    private static async Task AssertSameAsync<T>(DbSet<T> set, int projectId, T expected) where T : ProgressEntry
    {
        var saved = await set.AsNoTracking().SingleAsync(e => e.ProjectId == projectId);
        expected.Id = saved.Id;
        expected.Version = saved.Version;
        Assert.Equivalent(expected, saved, strict: true);
    }

    [Fact]
    public async Task AMemberThatAnEntryNamesCannotBeDeleted()
    {
        var (projectId, periodId, memberId) = await ArrangeAsync();
        await factory.WithDbAsync(db =>
        {
            db.AddRange(Income(projectId, periodId, memberId), Patent(projectId, periodId, memberId));
            return db.SaveChangesAsync();
        });

        var kinds = await factory.WithDbAsync(db => db.KindsNamingAsync(memberId));
        await factory.WithDbAsync(async db =>
        {
            db.AllianceMembers.Remove(await db.AllianceMembers.SingleAsync(m => m.Id == memberId));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.Equal(["聯盟營運收入", "協助聯盟會員衍生成果"], kinds);
        Assert.Equal("此會員已被聯盟營運收入、協助聯盟會員衍生成果的資料引用，無法刪除；請先修改或刪除那些資料。",
            AllianceMemberReferences.RefusalMessage(kinds));
        Assert.True(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.Id == memberId)));
    }

    [Fact]
    public async Task AMemberNoEntryNamesCanBeDeleted()
    {
        var (_, _, memberId) = await ArrangeAsync();

        Assert.Empty(await factory.WithDbAsync(db => db.KindsNamingAsync(memberId)));
        await factory.WithDbAsync(async db =>
        {
            db.AllianceMembers.Remove(await db.AllianceMembers.SingleAsync(m => m.Id == memberId));
            await db.SaveChangesAsync();
        });

        Assert.False(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.Id == memberId)));
    }

    [Fact]
    public async Task DeletingAProjectTakesItsMembersEntriesAndAttachmentsWithIt()
    {
        var (projectId, periodId, memberId) = await ArrangeAsync();
        await factory.WithDbAsync(async db =>
        {
            var attachment = db.Attachments.Add(new Attachment
            {
                ProjectId = projectId, StorageKey = Guid.NewGuid().ToString("N"), OriginalName = "憑證.pdf", ContentType = "application/pdf",
                Length = 10, Sha256 = new string('0', 64), UploadedByUserId = "u",
            }).Entity;
            await db.SaveChangesAsync();
            var income = Income(projectId, periodId, memberId);
            income.AttachmentId = attachment.Id;
            db.AddRange(income, Cooperation(projectId, periodId, memberId));
            await db.SaveChangesAsync();
        });

        await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).ExecuteDeleteAsync());

        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.AllianceMembers.AnyAsync(m => m.ProjectId == projectId));
            Assert.False(await db.OperatingIncomes.AnyAsync(m => m.ProjectId == projectId));
            Assert.False(await db.CooperationProjects.AnyAsync(m => m.ProjectId == projectId));
            Assert.False(await db.Attachments.AnyAsync(m => m.ProjectId == projectId));
        });
    }

    [Fact]
    public async Task AReportingPeriodThatEntriesAreTaggedWithCannotBeDeleted()
    {
        var (projectId, _, _) = await ArrangeAsync();
        var periodId = await factory.WithDbAsync(async db =>
        {
            var year = db.ProgrammeYears.Add(NewYear(2099)).Entity;
            await db.SaveChangesAsync();
            var period = year.Periods.Single();
            db.PromotionActivities.Add(Activity(projectId, period.Id));
            await db.SaveChangesAsync();
            return period.Id;
        });

        await factory.WithDbAsync(async db =>
        {
            db.ReportingPeriods.Remove(await db.ReportingPeriods.SingleAsync(p => p.Id == periodId));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        Assert.True(await factory.WithDbAsync(db => db.ReportingPeriods.AnyAsync(p => p.Id == periodId)));
    }

    [Fact]
    public async Task AnEntryEditedMeanwhileIsNotOverwritten()
    {
        var (projectId, periodId, _) = await ArrangeAsync();
        var id = await factory.WithDbAsync(async db =>
        {
            var activity = db.PromotionActivities.Add(Activity(projectId, periodId)).Entity;
            await db.SaveChangesAsync();
            return activity.Id;
        });

        await factory.WithDbAsync(async first =>
        {
            var mine = await first.PromotionActivities.SingleAsync(a => a.Id == id);
            await factory.WithDbAsync(async second =>
            {
                (await second.PromotionActivities.SingleAsync(a => a.Id == id)).Participants = 150;
                await second.SaveChangesAsync();
            });
            mine.Participants = 99;
            Assert.False(await first.TrySaveAsync());
        });

        Assert.Equal(150, await factory.WithDbAsync(db => db.PromotionActivities.Where(a => a.Id == id).Select(a => a.Participants).SingleAsync()));
    }
}
