using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class OfficeProjectsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheListShowsEveryProjectWithItsPiAccountAndAssistants()
    {
        var personas = await Personas.EnsureAsync(factory);
        var (_, issuedEmail) = await OfficeTestData.IssuedProjectAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await client.GetPageAsync("/office/projects");

        var demo = page.QuerySelector($"tr[data-project='{DemoSeeder.ProjectNumber}']")!;
        Assert.Contains("智慧醫材示範產學聯盟", demo.TextContent);
        Assert.Contains("成功大學 / 醫工所", demo.TextContent);
        Assert.Contains("執行中", demo.TextContent);
        Assert.Equal(DemoSeeder.PiEmail, demo.QuerySelector("[data-testid=pi-account]")!.TextContent.Trim());
        Assert.Equal("1", demo.QuerySelectorAll("td")[8].TextContent.Trim());
        Assert.NotNull(demo.QuerySelector($"a[href='/office/projects/{personas.DemoProjectId}/edit']"));
        var issued = page.QuerySelectorAll("tr[data-project]").Single(r => r.TextContent.Contains(issuedEmail));
        Assert.Contains("尚未設定密碼", issued.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/office/projects/import']"));
    }

    [Fact]
    public async Task TheListFiltersByYearStatusAndText()
    {
        await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var byText = await client.GetPageAsync("/office/projects?q=其他測試聯盟");
        Assert.Equal([Personas.OtherProjectNumber], byText.QuerySelectorAll("tr[data-project]").Select(r => r.GetAttribute("data-project")));
        Assert.Empty((await client.GetPageAsync("/office/projects?year=2020")).QuerySelectorAll("tr[data-project]"));
        var ended = (await client.GetPageAsync("/office/projects?status=Ended")).QuerySelectorAll("tr[data-project]");
        Assert.All(ended, r => Assert.Contains("已結束", r.TextContent));
        Assert.DoesNotContain(ended, r => r.GetAttribute("data-project") == DemoSeeder.ProjectNumber);
        Assert.NotEmpty((await client.GetPageAsync("/office/projects?year=2021&status=Running")).QuerySelectorAll("tr[data-project]"));
    }

    [Fact]
    public async Task ResendingPutsAFreshLinkForAPiWithoutPasswordIntoTheOutbox()
    {
        var (projectId, piEmail) = await OfficeTestData.IssuedProjectAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"/office/projects/{projectId}/edit";
        Assert.Contains("尚未設定密碼", (await client.GetPageAsync(url)).QuerySelector("[data-testid=pi-account]")!.TextContent);

        var response = await client.PostFormAsync($"/office/projects/{projectId}/resend-link", new { }, url);

        Assert.Equal(url, response.Headers.Location?.OriginalString);
        Assert.Contains($"已將主持人 {piEmail} 的設定密碼連結放入寄件匣", (await client.GetPageAsync(url)).QuerySelector("[data-testid=flash]")!.TextContent);
        var email = await factory.WithDbAsync(db => db.Outbox.SingleAsync(e => e.To == piEmail));
        Assert.Equal("產學小聯盟管考平台帳號開通通知", email.Subject);
        Assert.Contains("/account/set-password?userId=", email.Link);
        Assert.Contains("核發測試計畫", email.Body);
    }

    [Fact]
    public async Task ResendingForAPiWhoHasAPasswordOnlyExplains()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"/office/projects/{personas.DemoProjectId}/edit";
        var before = await factory.WithDbAsync(db => db.Outbox.CountAsync());

        await client.PostFormAsync($"/office/projects/{personas.DemoProjectId}/resend-link", new { }, url);

        Assert.Contains("已設定密碼", (await client.GetPageAsync(url)).QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task PrincipalInvestigatorsAndAssistantsCannotManageProjects(string email)
    {
        var personas = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/office/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/office/projects/{personas.DemoProjectId}/edit")).StatusCode);
        var post = await client.PostFormAsync($"/office/projects/{personas.DemoProjectId}/edit", OfficeTestData.EditFields("H", "hijack"), "/");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync($"/office/projects/{personas.DemoProjectId}/resend-link", new { }, "/")).StatusCode);
    }

    [Fact]
    public async Task VisitorsAreSentToSignIn()
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync("/office/projects");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }
}
