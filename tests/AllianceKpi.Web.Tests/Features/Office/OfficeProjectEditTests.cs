using System.Net;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class OfficeProjectEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheOfficeEditsAProject()
    {
        var (projectId, _) = await OfficeTestData.IssuedProjectAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var version = await OfficeTestData.VersionOfEditFormAsync(client, projectId);
        var number = "E" + Guid.NewGuid().ToString("N")[..8];

        var response = await client.PostFormAsync($"/office/projects/{projectId}/edit",
            OfficeTestData.EditFields(number, " 改名後的計畫 ", status: "Ended", version: version, pi: "蔡改名"), $"/office/projects/{projectId}/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var project = await factory.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == projectId));
        Assert.Equal((number, "改名後的計畫", ProjectStatus.Ended, "蔡改名"), (project.Number, project.Name, project.Status, project.PrincipalInvestigatorName));
        Assert.Contains($"已儲存計畫 {number}", (await client.GetPageAsync("/office/projects")).QuerySelector("[data-testid=flash]")!.TextContent);
    }

    [Fact]
    public async Task BadInputIsShownNextToItsFieldWithTheTypedValuesKept()
    {
        var (projectId, _) = await OfficeTestData.IssuedProjectAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var version = await OfficeTestData.VersionOfEditFormAsync(client, projectId);
        var url = $"/office/projects/{projectId}/edit";

        var response = await client.PostFormAsync(url, OfficeTestData.EditFields(new string('N', 51), "", pi: "新主持人", version: version), url);

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
        var (projectId, _) = await OfficeTestData.IssuedProjectAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"/office/projects/{projectId}/edit";
        var version = await OfficeTestData.VersionOfEditFormAsync(client, projectId);
        var fields = what switch
        {
            "number" => OfficeTestData.EditFields(DemoSeeder.ProjectNumber, "名稱", version: version),
            "year" => OfficeTestData.EditFields("Y" + projectId, "名稱", year: "2030", version: version),
            "text-year" => OfficeTestData.EditFields("T" + projectId, "名稱", year: "abc", version: version),
            _ => OfficeTestData.EditFields("S" + projectId, "名稱", status: "99", version: version),
        };
        var page = PortalClient.Parse(await (await client.PostFormAsync(url, fields, url)).Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for={field}]")!.TextContent);
        Assert.Equal("核發測試計畫", await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task AnEditBasedOnAStaleVersionIsRefusedAndTheFormKept()
    {
        var (projectId, _) = await OfficeTestData.IssuedProjectAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"/office/projects/{projectId}/edit";
        var staleVersion = await OfficeTestData.VersionOfEditFormAsync(client, projectId);
        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            project.Name = "他人先改的名稱";
            await db.SaveChangesAsync();
        });

        var response = await client.PostFormAsync(url, OfficeTestData.EditFields("Z" + projectId, "我的名稱", version: staleVersion), url);

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
        var post = await client.PostFormAsync("/office/projects/999999/edit", OfficeTestData.EditFields("X", "名稱"), "/office/projects/import");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/office/projects/999999/resend-link", new { }, "/office/projects/import")).StatusCode);
    }

}
