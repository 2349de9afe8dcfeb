using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>招募聯盟會員: the contract file goes in with the entry, closed periods refuse changes, other projects stay out.</summary>
public sealed class MemberAccessTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private Task<bool> SavedAsync(string name) => factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.CompanyName == name));

    [Fact]
    public async Task TheContractIsUploadedWithTheMemberAndDownloadedFromTheList()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var content = ProgressTestData.Pdf(2000);

        await AddAsync(client, people.DemoProjectId, periodId, Company("附合約公司"), ("會員合約 2021.pdf", content));

        var member = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.CompanyName == "附合約公司"));
        var list = await client.GetPageAsync($"{Base(people.DemoProjectId, periodId)}/members");
        var link = list.QuerySelector($"[data-testid=member-{member.Id}] [data-testid=download]")!.GetAttribute("href")!;
        var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        var edit = await client.GetPageAsync($"{Base(people.DemoProjectId, periodId)}/members/{member.Id}/edit");
        Assert.Contains("會員合約 2021.pdf", edit.QuerySelector("[data-testid=current-file]")!.TextContent);
    }

    [Fact]
    public async Task ReplacingTheFileRemovesTheOldOneOnlyAfterTheSave()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await AddAsync(client, people.DemoProjectId, periodId, Company("換檔公司"), ("舊合約.pdf", ProgressTestData.Pdf()));
        var member = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.CompanyName == "換檔公司"));
        var editUrl = $"{Base(people.DemoProjectId, periodId)}/members/{member.Id}/edit";
        var version = ValueOf(await client.GetPageAsync(editUrl), "Version");

        var refused = await PostAsync(client, editUrl, Company("換檔公司").With("Version", version), editUrl, ("病毒.exe", ProgressTestData.Exe()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(member.AttachmentId, (await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == member.Id))).AttachmentId);

        var replaced = await PostAsync(client, editUrl, Company("換檔公司").With("Version", version), editUrl, ("新合約.pdf", ProgressTestData.Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var after = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == member.Id));
        Assert.NotEqual(member.AttachmentId, after.AttachmentId);
        Assert.False(await factory.WithDbAsync(db => db.Attachments.AnyAsync(a => a.Id == member.AttachmentId)));
    }

    [Fact]
    public async Task AnOversizedFileIsRefusedWithTheTypedFieldsKeptAndNothingSaved()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = $"{Base(people.DemoProjectId, await PeriodAsync(factory))}/members/new";
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var before = ProgressTestData.StoredFiles(factory).Count;

        var response = await PostAsync(client, url, Company("大檔案公司"), url, ("合約.pdf", ProgressTestData.Pdf(10 * 1024 * 1024 + 1)));

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("檔案大小限制10MB，上傳的檔案為 10.1MB", ErrorFor(page, "Attachment"));
        Assert.Equal("大檔案公司", ValueOf(page, "CompanyName"));
        Assert.Equal("2021/12/31", ValueOf(page, "ContractEnd"));
        Assert.False(await SavedAsync("大檔案公司"));
        Assert.Equal(before, ProgressTestData.StoredFiles(factory).Count);
    }

    [Fact]
    public async Task ARenamedProgramIsRefused()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = $"{Base(people.DemoProjectId, await PeriodAsync(factory))}/members/new";
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var response = await PostAsync(client, url, Company("假PDF公司"), url, ("合約.pdf", ProgressTestData.Exe()));

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("檔案內容與副檔名不符", ErrorFor(page, "Attachment"));
        Assert.False(await SavedAsync("假PDF公司"));
    }

    [Fact]
    public async Task AFieldErrorAsksForTheFileAgain()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = $"{Base(people.DemoProjectId, await PeriodAsync(factory))}/members/new";
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var response = await PostAsync(client, url, Company("重選檔案公司").With("Phone", ""), url, ("合約.pdf", ProgressTestData.Pdf()));

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("請重新選擇檔案", ErrorFor(page, "Attachment"));
        Assert.Equal("重選檔案公司", ValueOf(page, "CompanyName"));
    }

    [Fact]
    public async Task APeriodNotYetOpenIsReadOnlyAndRefusesChanges()
    {
        var people = await Personas.EnsureAsync(factory);
        var closedId = await PeriodAsync(factory, ReportingPeriodKind.SecondReport);
        var member = await factory.WithDbAsync(async db =>
        {
            var m = Member(people.DemoProjectId, closedId, "截止後的會員");
            db.AllianceMembers.Add(m);
            await db.SaveChangesAsync();
            return m;
        });
        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var listUrl = $"{Base(people.DemoProjectId, closedId)}/members";
        var list = await client.GetPageAsync(listUrl);
        Assert.Null(list.QuerySelector("a[href$='/members/new']"));
        Assert.NotNull(list.QuerySelector("[data-testid=read-only]"));

        var add = await PostAsync(client, $"{listUrl}/new", Company("截止後新增公司"), listUrl);
        var edit = await PostAsync(client, $"{listUrl}/{member.Id}/edit", Company("截止後改名").With("Version", member.Version.ToString()), listUrl);
        var delete = await client.PostFormAsync($"{listUrl}/{member.Id}/delete", new { }, listUrl);

        Assert.All([add, edit, delete], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var after = await client.GetPageAsync(listUrl);
        Assert.Equal("本綜整表 2021/11/01 起開放填報。", after.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.False(await SavedAsync("截止後新增公司"));
        Assert.Equal("截止後的會員", (await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == member.Id))).CompanyName);
    }

    [Fact]
    public async Task TheOfficeMayViewAPeriodThatIsNotOpenButNotChangeIt()
    {
        var people = await Personas.EnsureAsync(factory);
        var closedId = await PeriodAsync(factory, ReportingPeriodKind.SecondReport);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var listUrl = $"{Base(people.DemoProjectId, closedId)}/members";

        var post = await PostAsync(office, $"{listUrl}/new", Company("辦公室補登公司"), listUrl);
        var list = await office.GetPageAsync(listUrl);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.NotNull(list.QuerySelector("[data-testid=read-only]"));
        Assert.False(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.CompanyName == "辦公室補登公司")));
    }

    [Fact]
    public async Task ASubmittedEvaluationFormLocksThePeriodsEntriesForThePi()
    {
        // On the other project: the tests of this class share one database and the demo project's first period must stay open.
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        var member = await factory.WithDbAsync(async db =>
        {
            var m = Member(people.OtherProjectId, periodId, "送出後鎖定公司");
            db.AllianceMembers.Add(m);
            db.EvaluationForms.Add(new Domain.Forms.EvaluationForm
            {
                ProjectId = people.OtherProjectId, ReportingPeriodId = periodId, State = Domain.Workflow.FormState.Submitted,
            });
            await db.SaveChangesAsync();
            return m;
        });
        using var pi = await factory.SignedInAsync(Personas.OtherPiEmail);
        var listUrl = $"{Base(people.OtherProjectId, periodId)}/members";

        var edit = await PostAsync(pi, $"{listUrl}/{member.Id}/edit", Company("送出後改名").With("Version", member.Version.ToString()), listUrl);
        var delete = await pi.PostFormAsync($"{listUrl}/{member.Id}/delete", new { }, listUrl);
        var list = await pi.GetPageAsync(listUrl);

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal("資料已送出，無法再進行修改；如需修改請洽計畫辦公室退回。", list.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Equal("送出後鎖定公司", (await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == member.Id))).CompanyName);
        Assert.Null(list.QuerySelector($"[data-testid=member-{member.Id}] form"));
    }

    [Fact]
    public async Task ThePiOfAnotherProjectIsRefusedByThePolicy()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var other = await factory.SignedInAsync(Personas.OtherPiEmail);

        var list = await other.GetAsync($"{Base(people.DemoProjectId, periodId)}/members");
        var overview = await other.GetAsync(Base(people.DemoProjectId, periodId));

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, overview.StatusCode);
    }

    [Fact]
    public async Task AnotherProjectsMemberIdThroughOnesOwnProjectIsNotFoundAndUnchanged()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        var foreign = await factory.WithDbAsync(async db =>
        {
            var m = Member(people.OtherProjectId, periodId, "他案會員");
            db.AllianceMembers.Add(m);
            await db.SaveChangesAsync();
            return m;
        });
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var listUrl = $"{Base(people.DemoProjectId, periodId)}/members";

        var get = await assistant.GetAsync($"{listUrl}/{foreign.Id}/edit");
        var post = await PostAsync(assistant, $"{listUrl}/{foreign.Id}/edit", Company("竄改").With("Version", foreign.Version.ToString()), listUrl);
        var delete = await assistant.PostFormAsync($"{listUrl}/{foreign.Id}/delete", new { }, listUrl);

        Assert.All([get, post, delete], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("他案會員", (await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == foreign.Id))).CompanyName);
    }

    [Fact]
    public async Task AMissingPeriodOrTheExpectedResultsPeriodIsNotFound()
    {
        var people = await Personas.EnsureAsync(factory);
        var expected = await PeriodAsync(factory, ReportingPeriodKind.ExpectedResults);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var missing = await office.GetAsync($"/projects/{people.DemoProjectId}/progress/999999/members");
        var targets = await office.GetAsync($"/projects/{people.DemoProjectId}/progress/{expected}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, targets.StatusCode);
    }
}
