using System.Net;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// After the first report's deadline its 工作進度 is read-only for the project unless the office extended it for that project;
/// the office itself only views.
/// </summary>
public sealed class AfterDeadlineTests(AfterDeadlineFactory factory) : IClassFixture<AfterDeadlineFactory>
{
    [Fact]
    public async Task APeriodPastItsDeadlineRefusesTheProjectsChanges()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var listUrl = $"{Base(people.DemoProjectId, periodId)}/members";

        var form = await pi.GetAsync($"{listUrl}/new");
        var post = await PostAsync(pi, $"{listUrl}/new", Company("逾期新增公司"), listUrl);
        var list = await pi.GetPageAsync(listUrl);

        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("已超過繳交期限 2021/10/31，請洽計畫辦公室申請展延。", list.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.NotNull(list.QuerySelector("[data-testid=read-only]"));
        Assert.False(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.CompanyName == "逾期新增公司")));
    }

    [Fact]
    public async Task TheOfficeViewsButDoesNotChangeTheProjectsEntries()
    {
        var people = await Personas.EnsureAsync(factory);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var listUrl = $"{Base(people.DemoProjectId, await PeriodAsync(factory))}/members";

        var post = await PostAsync(office, $"{listUrl}/new", Company("辦公室逾期補登"), listUrl);
        var list = await office.GetPageAsync(listUrl);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("計畫辦公室僅檢視計畫填報的資料；如需修改，請退回或重新開放由計畫修改。", list.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.CompanyName == "辦公室逾期補登")));
    }

    [Fact]
    public async Task AnExtensionForTheProjectOpensItsEntriesAgainUntilThatDay()
    {
        // The other project gets the extension (this class's tests share one database; the demo project stays past its deadline).
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        await factory.WithDbAsync(async db =>
        {
            db.EvaluationForms.Add(new EvaluationForm
            {
                ProjectId = people.OtherProjectId, ReportingPeriodId = periodId, ExtendedUntil = new DateOnly(2021, 11, 15),
            });
            await db.SaveChangesAsync();
        });
        using var extended = await factory.SignedInAsync(Personas.OtherPiEmail);
        using var notExtended = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var flash = await AddAsync(extended, people.OtherProjectId, periodId, Company("展延期間補登公司"));
        var demoList = $"{Base(people.DemoProjectId, periodId)}/members";
        var refused = await PostAsync(notExtended, $"{demoList}/new", Company("未展延逾期公司"), demoList);

        Assert.StartsWith("已儲存", flash);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.CompanyName == "未展延逾期公司")));
    }
}
