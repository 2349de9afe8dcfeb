using System.Net;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Settings;

public sealed class AssistantsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int projectId) => $"/projects/{projectId}/assistants";

    private static List<string> ResultAccounts(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=search-results] tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();

    [Fact]
    public async Task PiAddsARegisteredAssistantWhoThenSeesTheProjectAndRemovesThem()
    {
        var personas = await Personas.EnsureAsync(factory);
        var email = NewEmail("helper");
        var helper = await CreateAsync(factory, email, name: "高美");
        using var pi = await factory.SignedInAsync("pi@demo.tw");

        var search = await pi.GetPageAsync($"{Url(personas.DemoProjectId)}?email={Uri.EscapeDataString(email.ToUpperInvariant())}");
        var result = Assert.Single(search.QuerySelectorAll("[data-testid=search-results] tbody tr"));
        Assert.Contains("高美", result.TextContent);
        var userId = result.QuerySelector("input[name=userId]")?.GetAttribute("value");
        Assert.Equal(helper.Id, userId);

        var added = await pi.PostFormAsync($"{Url(personas.DemoProjectId)}/add", new { userId }, Url(personas.DemoProjectId));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await pi.GetPageAsync(Url(personas.DemoProjectId));
        Assert.Contains("高美", page.QuerySelector("[data-testid=flash]")?.TextContent);
        Assert.NotNull(page.QuerySelector($"[data-testid=participants] tr[data-user-id='{helper.Id}']"));
        var member = await factory.WithDbAsync(db => db.ProjectMembers.SingleAsync(m => m.ProjectId == personas.DemoProjectId && m.UserId == helper.Id));
        var piId = await Personas.UserIdAsync(factory, "pi@demo.tw");
        Assert.Equal((ProjectRole.Assistant, piId), (member.Role, member.AddedByUserId));
        Assert.NotEqual(default, member.AddedAt);

        using (var assistant = await factory.SignedInAsync(email, Password))
        {
            var rows = (await assistant.GetPageAsync("/settings/permissions")).QuerySelectorAll("[data-testid=permissions] tbody tr");
            Assert.Contains("計畫助理", Assert.Single(rows).TextContent);
        }

        var removed = await pi.PostFormAsync($"{Url(personas.DemoProjectId)}/{helper.Id}/remove", Array.Empty<KeyValuePair<string, string>>(), Url(personas.DemoProjectId));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ProjectMembers.AnyAsync(m => m.ProjectId == personas.DemoProjectId && m.UserId == helper.Id)));
    }

    [Fact]
    public async Task ParticipantsListShowsThePiAndTheAssistants()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var pi = await factory.SignedInAsync("pi@demo.tw");
        var page = await pi.GetPageAsync(Url(personas.DemoProjectId));
        var text = page.QuerySelector("[data-testid=participants]")!.TextContent;
        Assert.Contains("pi@demo.tw", text);
        Assert.Contains("王大明", text);
        Assert.Contains("assistant@demo.tw", text);
        Assert.Null(page.QuerySelector("[data-testid=no-assistants]"));
    }

    [Fact]
    public async Task ProjectWithoutAssistantsSaysSo()
    {
        var email = NewEmail("lonelypi");
        var projectId = await SettingsTestData.ProjectWithPiAsync(factory, email);
        using var pi = await factory.SignedInAsync(email, Password);

        var page = await pi.GetPageAsync(Url(projectId));

        Assert.Equal("此計畫尚無計畫助理", page.QuerySelector("[data-testid=no-assistants]")?.TextContent);
        Assert.Single(page.QuerySelectorAll("[data-testid=participants] tbody tr"));
    }

    [Fact]
    public async Task SearchLeavesOutMembersAndOfficeAccountsAndAsksForThreeCharacters()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var pi = await factory.SignedInAsync("pi@demo.tw");

        var demo = ResultAccounts(await pi.GetPageAsync($"{Url(personas.DemoProjectId)}?email=DEMO.TW"));
        Assert.DoesNotContain("pi@demo.tw", demo);
        Assert.DoesNotContain("assistant@demo.tw", demo);
        Assert.DoesNotContain("office@demo.tw", demo);
        Assert.DoesNotContain("admin@demo.tw", demo);

        var other = ResultAccounts(await pi.GetPageAsync($"{Url(personas.DemoProjectId)}?email=other.assistant"));
        Assert.Equal([Personas.OtherAssistantEmail], other);

        var tooShort = await pi.GetPageAsync($"{Url(personas.DemoProjectId)}?email=ab");
        Assert.Contains("3 個字元", tooShort.QuerySelector("[data-testid=search-message]")?.TextContent);
        Assert.Null(tooShort.QuerySelector("[data-testid=search-results]"));
    }

    [Fact]
    public async Task SearchShowsAtMostTwentyAccounts()
    {
        var personas = await Personas.EnsureAsync(factory);
        var marker = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 22; i++)
        {
            await CreateAsync(factory, $"many{i:00}.{marker}@test.tw");
        }
        using var pi = await factory.SignedInAsync("pi@demo.tw");
        var page = await pi.GetPageAsync($"{Url(personas.DemoProjectId)}?email={marker}");
        Assert.Equal(20, ResultAccounts(page).Count);
    }

    [Fact]
    public async Task PiCannotBeRemovedAndOfficeAccountsCannotBeAdded()
    {
        var personas = await Personas.EnsureAsync(factory);
        var piId = await Personas.UserIdAsync(factory, "pi@demo.tw");
        var officeId = await Personas.UserIdAsync(factory, "office@demo.tw");
        using var pi = await factory.SignedInAsync("pi@demo.tw");

        await pi.PostFormAsync($"{Url(personas.DemoProjectId)}/{piId}/remove", Array.Empty<KeyValuePair<string, string>>(), Url(personas.DemoProjectId));
        var afterRemove = await pi.GetPageAsync(Url(personas.DemoProjectId));
        Assert.Equal("計畫主持人無法從計畫中移除。", afterRemove.QuerySelector("[data-testid=flash-error]")?.TextContent);

        await pi.PostFormAsync($"{Url(personas.DemoProjectId)}/add", new { userId = officeId }, Url(personas.DemoProjectId));
        var afterAdd = await pi.GetPageAsync(Url(personas.DemoProjectId));
        Assert.Equal("計畫辦公室的帳號不能設為計畫助理。", afterAdd.QuerySelector("[data-testid=flash-error]")?.TextContent);

        var members = await factory.WithDbAsync(db => db.ProjectMembers.Where(m => m.ProjectId == personas.DemoProjectId).Select(m => m.UserId).ToListAsync());
        Assert.Contains(piId, members);
        Assert.DoesNotContain(officeId, members);
    }

    [Fact]
    public async Task UnknownAccountsAndNonMembersAre404()
    {
        var personas = await Personas.EnsureAsync(factory);
        var otherAssistantId = await Personas.UserIdAsync(factory, Personas.OtherAssistantEmail);
        using var pi = await factory.SignedInAsync("pi@demo.tw");

        var addUnknown = await pi.PostFormAsync($"{Url(personas.DemoProjectId)}/add", new { userId = Guid.NewGuid().ToString() }, Url(personas.DemoProjectId));
        var removeUnknown = await pi.PostFormAsync($"{Url(personas.DemoProjectId)}/{Guid.NewGuid()}/remove", Array.Empty<KeyValuePair<string, string>>(), Url(personas.DemoProjectId));
        var removeOtherProjects = await pi.PostFormAsync($"{Url(personas.DemoProjectId)}/{otherAssistantId}/remove", Array.Empty<KeyValuePair<string, string>>(), Url(personas.DemoProjectId));

        Assert.Equal(HttpStatusCode.NotFound, addUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removeUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removeOtherProjects.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.ProjectMembers.AnyAsync(m => m.UserId == otherAssistantId && m.ProjectId == personas.OtherProjectId)));
    }

    [Fact]
    public async Task AssistantOfTheProjectGets403OnTheAssistantsPageAndItsPosts()
    {
        var personas = await Personas.EnsureAsync(factory);
        var helper = await CreateAsync(factory, NewEmail("target"));
        var assistantId = await Personas.UserIdAsync(factory, "assistant@demo.tw");
        using var assistant = await factory.SignedInAsync("assistant@demo.tw");

        var page = await assistant.GetAsync(Url(personas.DemoProjectId));
        var add = await assistant.PostFormAsync($"{Url(personas.DemoProjectId)}/add", new { userId = helper.Id }, "/settings/profile");
        var remove = await assistant.PostFormAsync($"{Url(personas.DemoProjectId)}/{assistantId}/remove", Array.Empty<KeyValuePair<string, string>>(), "/settings/profile");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ProjectMembers.AnyAsync(m => m.UserId == helper.Id)));
    }

    [Fact]
    public async Task PiOfAnotherProjectGets403OnTheDemoProjectsAssistantsAndAlliancePages()
    {
        var personas = await Personas.EnsureAsync(factory);
        var helper = await CreateAsync(factory, NewEmail("crossing"));
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await otherPi.GetAsync(Url(personas.DemoProjectId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherPi.GetAsync($"/projects/{personas.DemoProjectId}/alliance")).StatusCode);
        var add = await otherPi.PostFormAsync($"{Url(personas.DemoProjectId)}/add", new { userId = helper.Id }, Url(personas.OtherProjectId));
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ProjectMembers.AnyAsync(m => m.UserId == helper.Id)));
    }

    [Fact]
    public async Task OfficeIsNotThePiAndGets403()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var office = await factory.SignedInAsync("office@demo.tw");
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync(Url(personas.DemoProjectId))).StatusCode);
    }
}
