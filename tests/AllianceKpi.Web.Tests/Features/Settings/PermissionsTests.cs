using System.Net;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Settings;

public sealed class PermissionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static List<string> Cells(AngleSharp.Dom.IElement row) => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task SettingsOpensOnThePermissionsList()
    {
        using var client = await factory.SignedInAsync("pi@demo.tw");
        var response = await client.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/settings/permissions", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PiSeesTheDemoProjectAsPiWithEditAndAssistantsLinks()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync("pi@demo.tw");
        var page = await client.GetPageAsync("/settings/permissions");

        var rows = page.QuerySelectorAll("[data-testid=permissions] tbody tr");
        var row = Assert.Single(rows);
        var cells = Cells(row);
        Assert.Equal("2021", cells[0]);
        Assert.Equal("王大明", cells[1]);
        Assert.StartsWith("2021ETPC_test", cells[2]);
        Assert.Equal("計畫主持人", cells[3]);
        Assert.Equal("執行中", cells[4]);
        Assert.NotNull(row.QuerySelector($"a[href='/projects/{personas.DemoProjectId}/alliance']"));
        Assert.NotNull(row.QuerySelector($"a[href='/projects/{personas.DemoProjectId}/assistants']"));
    }

    [Fact]
    public async Task AssistantSeesTheDemoProjectAsAssistantWithoutEditButtons()
    {
        await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync("assistant@demo.tw");
        var page = await client.GetPageAsync("/settings/permissions");

        var row = Assert.Single(page.QuerySelectorAll("[data-testid=permissions] tbody tr"));
        Assert.Equal("計畫助理", Cells(row)[3]);
        Assert.Empty(row.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task RegisteredAccountNotYetAddedSeesHowToGetAdded()
    {
        var email = NewEmail("waiting");
        await CreateAsync(factory, email);
        using var client = await factory.SignedInAsync(email, Password);
        var page = await client.GetPageAsync("/settings/permissions");

        Assert.Null(page.QuerySelector("[data-testid=permissions]"));
        Assert.Contains("設定助理", page.QuerySelector("[data-testid=permissions-empty]")?.TextContent);
    }

    [Fact]
    public async Task PiOfOneProjectIsTakenStraightToItsAssistants()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync("pi@demo.tw");
        var response = await client.GetAsync("/settings/assistants");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/projects/{personas.DemoProjectId}/assistants", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AssistantOpeningSetAssistantsIsToldOnlyPisManageThem()
    {
        using var client = await factory.SignedInAsync("assistant@demo.tw");
        var page = await client.GetPageAsync("/settings/assistants");
        Assert.Contains("只有計畫主持人可以設定助理", page.QuerySelector("[data-testid=assistants-not-pi]")?.TextContent);
    }

    [Fact]
    public async Task PiOfTwoProjectsChoosesWhichOne()
    {
        var personas = await Personas.EnsureAsync(factory);
        var email = NewEmail("twopi");
        var user = await CreateAsync(factory, email);
        await factory.WithDbAsync(async db =>
        {
            foreach (var id in new[] { personas.DemoProjectId, personas.OtherProjectId })
            {
                db.ProjectMembers.Add(new AllianceKpi.Domain.Projects.ProjectMember { ProjectId = id, UserId = user.Id, Role = AllianceKpi.Domain.Projects.ProjectRole.PrincipalInvestigator });
            }
            await db.SaveChangesAsync();
        });
        using var client = await factory.SignedInAsync(email, Password);
        var page = await client.GetPageAsync("/settings/assistants");

        var links = page.QuerySelectorAll("[data-testid=pi-projects] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/projects/{personas.DemoProjectId}/assistants", links);
        Assert.Contains($"/projects/{personas.OtherProjectId}/assistants", links);
    }

    [Fact]
    public async Task SettingsPagesNeedASignedInUser()
    {
        using var client = factory.NewClient();
        foreach (var url in new[] { "/settings", "/settings/permissions", "/settings/profile", "/settings/assistants" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
        }
    }
}
