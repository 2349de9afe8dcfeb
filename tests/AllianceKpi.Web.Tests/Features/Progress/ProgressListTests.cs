using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Progress;

public sealed class ProgressListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static IReadOnlyList<string> ProjectNumbers(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=period-projects] tbody tr").Select(tr => tr.GetAttribute("data-project")!).ToList();

    [Fact]
    public async Task ThePrincipalInvestigatorSeesOnlyTheirProjectWithALinkToItsWorkProgress()
    {
        var people = await Personas.EnsureAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var page = await pi.GetPageAsync("/progress");
        Assert.Equal([DemoSeeder.ProjectNumber], ProjectNumbers(page));
        var chosen = page.QuerySelector("#periodId option[selected]")!;
        Assert.Contains("成果綜整表", chosen.TextContent);
        var link = page.QuerySelector("[data-testid=period-projects] a")!.GetAttribute("href");
        Assert.Equal($"/projects/{people.DemoProjectId}/progress/{chosen.GetAttribute("value")}", link);
    }

    [Fact]
    public async Task TheExpectedResultsPeriodIsNotAWorkProgressChoice()
    {
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var options = (await assistant.GetPageAsync("/progress")).QuerySelectorAll("#periodId option").Select(o => o.TextContent).ToList();
        Assert.Equal(2, options.Count);
        Assert.DoesNotContain(options, o => o.Contains("預期成果"));
    }

    [Fact]
    public async Task AnAssistantOfAnotherProjectDoesNotSeeTheDemoProject()
    {
        await Personas.EnsureAsync(factory);
        using var other = await factory.SignedInAsync(Personas.OtherAssistantEmail);
        Assert.Equal([Personas.OtherProjectNumber], ProjectNumbers(await other.GetPageAsync("/progress")));
    }

    [Fact]
    public async Task TheOfficeSeesEveryProjectOfTheYear()
    {
        await Personas.EnsureAsync(factory);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        Assert.Equal([DemoSeeder.ProjectNumber, Personas.OtherProjectNumber], ProjectNumbers(await office.GetPageAsync("/progress")).Order());
    }

    [Fact]
    public async Task ChoosingAPeriodKeepsItSelected()
    {
        var second = await factory.WithDbAsync(db => db.ReportingPeriods.SingleAsync(p => p.Kind == ReportingPeriodKind.SecondReport));
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var page = await pi.GetPageAsync($"/progress?periodId={second.Id}");
        Assert.Equal(second.Id.ToString(), page.QuerySelector("#periodId option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnAccountWithoutProjectsIsToldWhy()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureAccountAsync("lonely@test.tw", "孤單", DemoSeeder.Password);
        }
        using var lonely = await factory.SignedInAsync("lonely@test.tw");
        Assert.NotNull((await lonely.GetPageAsync("/progress")).QuerySelector("[data-testid=no-projects]"));
    }
}
