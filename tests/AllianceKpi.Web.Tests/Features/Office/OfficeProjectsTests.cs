using System.Net;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class OfficeProjectsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>A project whose PI account was issued and has no password yet, as the import leaves it.</summary>
    private async Task<(int ProjectId, string PiEmail)> IssuedProjectAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var pi = new AppUser { UserName = $"issued{id}@ncku.edu.tw", Email = $"issued{id}@ncku.edu.tw", DisplayName = "蔡核發", IsIssued = true };
        Assert.True((await users.CreateAsync(pi)).Succeeded);
        var project = new Project
        {
            Number = $"I{id}", Name = "核發測試計畫", Year = DemoSeeder.Year, PrincipalInvestigatorName = "蔡核發", School = "成功大學", Department = "資工系",
            Alliance = new AllianceProfile { AllianceName = "核發測試聯盟" },
            Members = [new ProjectMember { UserId = pi.Id, Role = ProjectRole.PrincipalInvestigator }],
        };
        await factory.WithDbAsync(async db =>
        {
            db.Projects.Add(project);
            await db.SaveChangesAsync();
        });
        return (project.Id, pi.Email);
    }

    private static object EditFields(string number, string name, string year = "2021", string status = "Running", string version = "", string pi = "王大明") =>
        new { Number = number, Name = name, Year = year, Status = status, PrincipalInvestigatorName = pi, School = "成功大學", Department = "醫工所", Version = version };

    private async Task<string> VersionOfEditFormAsync(PortalClient client, int projectId) =>
        (await client.GetPageAsync($"/office/projects/{projectId}/edit")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    [Fact]
    public async Task TheListShowsEveryProjectWithItsPiAccountAndAssistants()
    {
        var personas = await Personas.EnsureAsync(factory);
        var (_, issuedEmail) = await IssuedProjectAsync();
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
    public async Task TheOfficeEditsAProject()
    {
        var (projectId, _) = await IssuedProjectAsync();
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var version = await VersionOfEditFormAsync(client, projectId);
        var number = "E" + Guid.NewGuid().ToString("N")[..8];

        var response = await client.PostFormAsync($"/office/projects/{projectId}/edit",
            EditFields(number, " 改名後的計畫 ", status: "Ended", version: version, pi: "蔡改名"), $"/office/projects/{projectId}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await factory.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == projectId));
        Assert.Equal((number, "改名後的計畫", ProjectStatus.Ended, "蔡改名"), (project.Number, project.Name, project.Status, project.PrincipalInvestigatorName));
        Assert.Contains($"已儲存計畫 {number}", (await client.GetPageAsync("/office/projects")).QuerySelector("[data-testid=flash]")!.TextContent);
    }

    [Fact]
    public async Task BadInputIsShownNextToItsFieldWithTheTypedValuesKept()
    {
        var (projectId, _) = await IssuedProjectAsync();
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var version = await VersionOfEditFormAsync(client, projectId);
        var url = $"/office/projects/{projectId}/edit";

        var response = await client.PostFormAsync(url, EditFields(new string('N', 51), "", pi: "新主持人", version: version), url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("計畫編號最多 50 個字。", page.QuerySelector("[data-valmsg-for=Number]")!.TextContent);
        Assert.Equal("請輸入計畫名稱。", page.QuerySelector("[data-valmsg-for=Name]")!.TextContent);
        Assert.Equal("新主持人", page.QuerySelector("input[name=PrincipalInvestigatorName]")!.GetAttribute("value"));
        Assert.Equal("2021", page.QuerySelector("select[name=Year] option[selected]")!.GetAttribute("value"));
        Assert.Equal("核發測試計畫", await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync()));
    }

    [Theory]
    [InlineData("number", "Number", "已被其他計畫使用")]
    [InlineData("year", "Year", "年度 2030 尚未建立")]
    [InlineData("status", "Status", "請從清單選擇計畫狀態")]
    [InlineData("text-year", "Year", "請從清單選擇年度")]
    public async Task BusinessRulesRefuseADuplicateNumberAnUnknownYearAndAStatusNotOnTheList(string what, string field, string message)
    {
        var (projectId, _) = await IssuedProjectAsync();
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"/office/projects/{projectId}/edit";
        var version = await VersionOfEditFormAsync(client, projectId);
        var fields = what switch
        {
            "number" => EditFields(DemoSeeder.ProjectNumber, "名稱", version: version),
            "year" => EditFields("Y" + projectId, "名稱", year: "2030", version: version),
            "text-year" => EditFields("T" + projectId, "名稱", year: "abc", version: version),
            _ => EditFields("S" + projectId, "名稱", status: "99", version: version),
        };
        var page = PortalClient.Parse(await (await client.PostFormAsync(url, fields, url)).Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for={field}]")!.TextContent);
        Assert.Equal("核發測試計畫", await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task AnEditBasedOnAStaleVersionIsRefusedAndTheFormKept()
    {
        var (projectId, _) = await IssuedProjectAsync();
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"/office/projects/{projectId}/edit";
        var staleVersion = await VersionOfEditFormAsync(client, projectId);
        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            project.Name = "他人先改的名稱";
            await db.SaveChangesAsync();
        });

        var response = await client.PostFormAsync(url, EditFields("Z" + projectId, "我的名稱", version: staleVersion), url);

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已被其他人修改", page.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal("我的名稱", page.QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal("他人先改的名稱", await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task AnUnknownProjectIs404()
    {
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/office/projects/999999/edit")).StatusCode);
        var post = await client.PostFormAsync("/office/projects/999999/edit", EditFields("X", "名稱"), "/office/projects/import");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/office/projects/999999/resend-link", new { }, "/office/projects/import")).StatusCode);
    }

    [Fact]
    public async Task ResendingPutsAFreshLinkForAPiWithoutPasswordIntoTheOutbox()
    {
        var (projectId, piEmail) = await IssuedProjectAsync();
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
        var post = await client.PostFormAsync($"/office/projects/{personas.DemoProjectId}/edit", EditFields("H", "hijack"), "/");
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
