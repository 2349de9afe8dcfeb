using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>Projects and form fields shared by the office's project tests.</summary>
public static class OfficeTestData
{
    /// <summary>A project whose PI account was issued and has no password yet, as the import leaves it.</summary>
    public static async Task<(int ProjectId, string PiEmail)> IssuedProjectAsync(PortalFactory factory)
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

    public static object EditFields(string number, string name, string year = "2021", string status = "Running", string version = "", string pi = "王大明") =>
        new { Number = number, Name = name, Year = year, Status = status, PrincipalInvestigatorName = pi, School = "成功大學", Department = "醫工所", Version = version };

    public static async Task<string> VersionOfEditFormAsync(PortalClient client, int projectId) =>
        (await client.GetPageAsync($"/office/projects/{projectId}/edit")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
}
