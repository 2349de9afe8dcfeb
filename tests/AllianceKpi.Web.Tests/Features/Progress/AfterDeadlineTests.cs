using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>After the first report's deadline its 工作進度 is read-only for the project; the office may still change it.</summary>
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
        Assert.Equal("此綜整表已截止或未開放，無法修改工作進度。", list.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.NotNull(list.QuerySelector("[data-testid=read-only]"));
        Assert.False(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.CompanyName == "逾期新增公司")));
    }

    [Fact]
    public async Task TheOfficeMayStillChangeIt()
    {
        var people = await Personas.EnsureAsync(factory);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var flash = await AddAsync(office, people.DemoProjectId, await PeriodAsync(factory), Company("辦公室逾期補登"));

        Assert.Equal("已儲存：列計", flash);
    }
}
