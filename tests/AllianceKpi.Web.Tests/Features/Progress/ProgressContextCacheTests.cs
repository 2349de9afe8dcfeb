using System.Net;
using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Features.Progress.Members;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// A node keeps what a 工作進度 page was computed from while the project's progress stamp is unchanged; every save of what the
/// page stands on writes a new stamp in its transaction. Each change here is saved through a context of its own, as another
/// node (or a script using the portal's data layer) would save it, and the next page load must show it.
/// </summary>
public sealed class ProgressContextCacheTests(ProgressContextCacheTests.Factory factory) : IClassFixture<ProgressContextCacheTests.Factory>
{
    /// <summary>Its own database: the tests change the year's windows and the project's forms.</summary>
    public sealed class Factory : ProgressClockFactory;

    private static ClaimsPrincipal UserOf(string userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    private static readonly IReadOnlySet<EntryKind> MemberKinds = KpiEngine.InputsOf(EntryKind.Member);

    /// <summary>A members page's context as a request of the assistant loads it: the role check, then the context.</summary>
    private async Task<ProgressContext> LoadAsync(int projectId, int periodId)
    {
        var assistant = UserOf(await Personas.UserIdAsync(factory, DemoSeeder.AssistantEmail));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ProjectAccess>().RoleOnAsync(assistant, projectId));
        var context = await scope.ServiceProvider.GetRequiredService<ProgressContextHandler>()
            .LoadAsync(assistant, projectId, periodId, MemberKinds, CancellationToken.None);
        return context!;
    }

    private async Task<(int ProjectId, int PeriodId)> StartAsync()
    {
        var people = await Personas.EnsureAsync(factory);
        return (people.DemoProjectId, await ProgressTestData.PeriodIdAsync(factory));
    }

    private Task<Guid> StampAsync(int projectId) =>
        factory.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.ProgressStamp).SingleAsync());

    private static AllianceMember Member(int projectId, int periodId, string name, DateOnly contractEnd) => new()
    {
        ProjectId = projectId,
        ReportingPeriodId = periodId,
        Type = MemberType.Company,
        Basis = MembershipBasis.Contract,
        CompanyName = name,
        Representative = "王小明",
        IndustryCode = "C19",
        IsPaying = true,
        ContractStart = new DateOnly(2021, 3, 1),
        ContractEnd = contractEnd,
    };

    private Task<int> AddMemberAsync(int projectId, int periodId, string name, DateOnly contractEnd) => factory.WithDbAsync(async db =>
    {
        var member = Member(projectId, periodId, name, contractEnd);
        db.AllianceMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });

    [Fact]
    public async Task AnUnchangedProjectIsServedFromWhatWasKeptAndAnEntryAddedElsewhereIsSeenAtOnce()
    {
        var (projectId, periodId) = await StartAsync();
        var first = await LoadAsync(projectId, periodId);
        var again = await LoadAsync(projectId, periodId);
        Assert.Same(first.Entries, again.Entries);
        Assert.Same(first.Report, again.Report);

        var id = await AddMemberAsync(projectId, periodId, "另一節點新增公司", new DateOnly(2021, 12, 31));

        var after = await LoadAsync(projectId, periodId);
        Assert.NotSame(first.Entries, after.Entries);
        Assert.Contains(after.Entries.Members, m => m.Id == id);
        Assert.True(after.VerdictOf(EntryKind.Member, id)!.Counted);
    }

    [Fact]
    public async Task AChangedAndADeletedEntryAreSeenAtOnce()
    {
        var (projectId, periodId) = await StartAsync();
        var id = await AddMemberAsync(projectId, periodId, "改期公司", new DateOnly(2021, 12, 31));
        Assert.True((await LoadAsync(projectId, periodId)).VerdictOf(EntryKind.Member, id)!.Counted);

        await factory.WithDbAsync(async db =>
        {
            var member = await db.AllianceMembers.SingleAsync(m => m.Id == id);
            member.ContractEnd = new DateOnly(2021, 9, 30); // before the 2021/10/31 cutoff
            await db.SaveChangesAsync();
        });
        var changed = await LoadAsync(projectId, periodId);
        Assert.Equal(new DateOnly(2021, 9, 30), changed.Entries.Members.Single(m => m.Id == id).ContractEnd);
        Assert.False(changed.VerdictOf(EntryKind.Member, id)!.Counted);

        await factory.WithDbAsync(async db =>
        {
            db.AllianceMembers.Remove(await db.AllianceMembers.SingleAsync(m => m.Id == id));
            await db.SaveChangesAsync();
        });
        var deleted = await LoadAsync(projectId, periodId);
        Assert.DoesNotContain(deleted.Entries.Members, m => m.Id == id);
        Assert.Null(deleted.VerdictOf(EntryKind.Member, id));
    }

    [Fact]
    public async Task TheFormsLockAndTheYearsWindowsAreSeenAtOnce()
    {
        var (projectId, periodId) = await StartAsync();
        var id = await AddMemberAsync(projectId, periodId, "十一月中到期公司", new DateOnly(2021, 11, 15));
        var before = await LoadAsync(projectId, periodId);
        Assert.True(before.Editable);
        Assert.True(before.VerdictOf(EntryKind.Member, id)!.Counted);

        // The office moves the member cutoff (a year's window) after the member's contract end: no longer counted.
        var year = before.Year.Year;
        var cutoff = before.Year.MemberCutoff;
        await factory.WithDbAsync(async db =>
        {
            (await db.ProgrammeYears.SingleAsync(y => y.Year == year)).MemberCutoff = new DateOnly(2021, 11, 20);
            await db.SaveChangesAsync();
        });
        try
        {
            var moved = await LoadAsync(projectId, periodId);
            Assert.Equal(new DateOnly(2021, 11, 20), moved.Year.MemberCutoff);
            Assert.False(moved.VerdictOf(EntryKind.Member, id)!.Counted);

            // The 管考資料 form submitted (elsewhere): the period's entries are locked.
            await factory.WithDbAsync(async db =>
            {
                var form = await db.EvaluationForms.SingleOrDefaultAsync(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId);
                if (form is null)
                {
                    form = new EvaluationForm { ProjectId = projectId, ReportingPeriodId = periodId };
                    db.EvaluationForms.Add(form);
                }
                form.State = FormState.Submitted;
                await db.SaveChangesAsync();
            });
            var locked = await LoadAsync(projectId, periodId);
            Assert.False(locked.Editable);

            // A period's deadline moved: the stamp of every project of the year changes.
            var stamp = await StampAsync(projectId);
            await factory.WithDbAsync(async db =>
            {
                var period = await db.ReportingPeriods.SingleAsync(p => p.Id == periodId);
                period.Deadline = period.Deadline.AddDays(1);
                await db.SaveChangesAsync();
            });
            Assert.NotEqual(stamp, await StampAsync(projectId));
            Assert.Equal(before.Period.Deadline.AddDays(1), (await LoadAsync(projectId, periodId)).Period.Deadline);
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                (await db.ProgrammeYears.SingleAsync(y => y.Year == year)).MemberCutoff = cutoff;
                var period = await db.ReportingPeriods.SingleAsync(p => p.Id == periodId);
                period.Deadline = before.Period.Deadline;
                var form = await db.EvaluationForms.SingleAsync(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId);
                form.State = FormState.Draft;
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task OnlyChangesToWhatThePagesStandOnChangeTheStamp()
    {
        var (projectId, periodId) = await StartAsync();
        await LoadAsync(projectId, periodId);
        var stamp = await StampAsync(projectId);

        // The 管考資料 form's narrative is not on the progress pages; another project's entry is not this project's.
        await factory.WithDbAsync(async db =>
        {
            var form = await db.EvaluationForms.SingleOrDefaultAsync(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId);
            if (form is null)
            {
                db.EvaluationForms.Add(new EvaluationForm { ProjectId = projectId, ReportingPeriodId = periodId });
                await db.SaveChangesAsync();
            }
        });
        stamp = await StampAsync(projectId);
        await factory.WithDbAsync(async db =>
        {
            var form = await db.EvaluationForms.SingleAsync(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId);
            form.TalentCompanies = "只改敘述，不改狀態。";
            await db.SaveChangesAsync();
        });
        var people = await Personas.EnsureAsync(factory);
        await AddMemberAsync(people.OtherProjectId, periodId, "他案會員公司", new DateOnly(2021, 12, 31));

        Assert.Equal(stamp, await StampAsync(projectId));
        var first = await LoadAsync(projectId, periodId);
        Assert.Same(first.Entries, (await LoadAsync(projectId, periodId)).Entries);
    }

    [Fact]
    public async Task AStampIsWrittenOnlyWithTheSaveThatCommits()
    {
        var (projectId, periodId) = await StartAsync();
        var stamp = await StampAsync(projectId);

        await factory.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AllianceMembers.Add(Member(projectId, periodId, "撤回的公司", new DateOnly(2021, 12, 31)));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        Assert.Equal(stamp, await StampAsync(projectId));

        await AddMemberAsync(projectId, periodId, "留下的公司", new DateOnly(2021, 12, 31));
        Assert.NotEqual(stamp, await StampAsync(projectId));
    }
    /// <summary>Two members added through the portal, as the assistant would; their ids.</summary>
    private async Task<(int First, int Second)> TwoMembersAsync(PortalClient assistant, int projectId, int periodId, string first, string second)
    {
        await MemberTestData.AddAsync(assistant, projectId, periodId, MemberTestData.Company(first));
        await MemberTestData.AddAsync(assistant, projectId, periodId, MemberTestData.Company(second));
        return await factory.WithDbAsync(async db => (
            await db.AllianceMembers.Where(m => m.CompanyName == first).Select(m => m.Id).SingleAsync(),
            await db.AllianceMembers.Where(m => m.CompanyName == second).Select(m => m.Id).SingleAsync()));
    }

    /// <summary>Every member's stored values and verdict in <paramref name="context"/> are those a fresh read and the rules engine give.</summary>
    private async Task AssertAsReadNowAsync(ProgressContext context)
    {
        var members = await factory.WithDbAsync(db =>
            db.AllianceMembers.AsNoTracking().Where(m => m.ProjectId == context.ProjectId).OrderBy(m => m.Id).ToListAsync());
        var report = KpiEngine.Evaluate(KpiInput.ForPeriod(context.Year, context.Year.Periods, context.Period, new KpiEntries { Members = members }));
        Assert.Equal(members.Select(Values), context.Entries.Members.Select(Values));
        Assert.Equal(members.Select(m => Verdict(report.Find(EntryKind.Member, m.Id))),
            context.Entries.Members.Select(m => Verdict(context.VerdictOf(EntryKind.Member, m.Id))));

        static string Values(AllianceMember member) => string.Join("|", typeof(AllianceMember).GetProperties()
            .Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string))
            .Select(p => $"{p.Name}={p.GetValue(member)}"));
        static string Verdict(Verdict? verdict) => verdict is null ? "—" : $"{verdict.Counted}:{string.Join("；", verdict.Reasons)}";
    }

    /// <summary>
    /// The members page's context after a save: kept under the project's stamp now, carried over rather than read again (the
    /// member the save did not touch is the very object read before it), and as a fresh read would give it.
    /// </summary>
    private async Task<ProgressContext> CarriedOverAsync(int projectId, int periodId, ProgressContext before, int untouched)
    {
        var after = await LoadAsync(projectId, periodId);
        Assert.Equal(await StampAsync(projectId), after.Data!.Stamp);
        Assert.Same(before.Entries.Members.Single(m => m.Id == untouched), after.Entries.Members.Single(m => m.Id == untouched));
        await AssertAsReadNowAsync(after);
        return after;
    }

    [Fact]
    public async Task ASaveThroughThePortalKeepsThePagesDataUnderTheNewStampWithTheEntryReadBack()
    {
        var (projectId, periodId) = await StartAsync();
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var (changed, untouched) = await TwoMembersAsync(assistant, projectId, periodId, "帶入改期公司", "帶入不變公司");
        var url = $"{MemberTestData.Base(projectId, periodId)}/members/{changed}/edit";
        var version = MemberTestData.ValueOf(await assistant.GetPageAsync(url), "Version");
        var before = await LoadAsync(projectId, periodId);

        var saved = await MemberTestData.PostAsync(assistant, url,
            MemberTestData.Company("帶入改期公司", "2021/09/30").With("Representative", "林改期").With("Version", version), url);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await CarriedOverAsync(projectId, periodId, before, untouched);
        var member = after.Entries.Members.Single(m => m.Id == changed);
        Assert.Equal(("林改期", new DateOnly(2021, 9, 30)), (member.Representative, member.ContractEnd));
        Assert.False(after.VerdictOf(EntryKind.Member, changed)!.Counted); // ends before the 2021/10/31 cutoff
    }

    [Fact]
    public async Task ANewAndADeletedEntryAreCarriedOverInTheirPlaces()
    {
        var (projectId, periodId) = await StartAsync();
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var (deleted, kept) = await TwoMembersAsync(assistant, projectId, periodId, "帶入刪除公司", "帶入保留公司");
        var list = $"{MemberTestData.Base(projectId, periodId)}/members";
        await assistant.GetPageAsync(list);
        var before = await LoadAsync(projectId, periodId);

        var removed = await assistant.PostFormAsync($"{list}/{deleted}/delete", Array.Empty<KeyValuePair<string, string>>(), list);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain((await CarriedOverAsync(projectId, periodId, before, kept)).Entries.Members, m => m.Id == deleted);

        await MemberTestData.AddAsync(assistant, projectId, periodId, MemberTestData.Company("帶入新增公司"));

        var afterAdd = await CarriedOverAsync(projectId, periodId, before, kept);
        Assert.Equal("帶入新增公司", afterAdd.Entries.Members[^1].CompanyName);
        Assert.True(afterAdd.VerdictOf(EntryKind.Member, afterAdd.Entries.Members[^1].Id)!.Counted);
    }

    [Fact]
    public async Task ASaveThatAnotherSaveOvertookCarriesNothingOverAndTheNextPageReadsBothChanges()
    {
        var (projectId, periodId) = await StartAsync();
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var (mine, theirs) = await TwoMembersAsync(assistant, projectId, periodId, "帶入我方公司", "帶入他方公司");
        var userId = await Personas.UserIdAsync(factory, DemoSeeder.AssistantEmail);
        var user = UserOf(userId);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<ProjectAccess>().RoleOnAsync(user, projectId));
        var context = (await scope.ServiceProvider.GetRequiredService<ProgressContextHandler>()
            .LoadAsync(user, projectId, periodId, MemberKinds, CancellationToken.None))!;

        // Another node saves the other member after this request read the page's data, before it saves its own.
        await factory.WithDbAsync(async db =>
        {
            (await db.AllianceMembers.SingleAsync(m => m.Id == theirs)).Representative = "他節點改的";
            await db.SaveChangesAsync();
        });
        var form = MemberForm.From(context.Entries.Members.Single(m => m.Id == mine));
        form.Representative = "本請求改的";
        var outcome = await scope.ServiceProvider.GetRequiredService<MembersHandler>()
            .SaveAsync(context, mine, form, null, userId, new ModelStateDictionary(), CancellationToken.None);

        Assert.Equal(mine, outcome.SavedId);
        var after = await LoadAsync(projectId, periodId);
        Assert.Equal(await StampAsync(projectId), after.Data!.Stamp);
        Assert.Equal("本請求改的", after.Entries.Members.Single(m => m.Id == mine).Representative);
        Assert.Equal("他節點改的", after.Entries.Members.Single(m => m.Id == theirs).Representative);
        await AssertAsReadNowAsync(after);
    }
}
