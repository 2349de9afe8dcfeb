using AllianceKpi.Domain.Projects;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Settings;

public static class SettingsTestData
{
    /// <summary>A new project (without alliance profile) whose PI is a new account with <see cref="Password"/>; returns the project id.</summary>
    public static async Task<int> ProjectWithPiAsync(PortalFactory factory, string piEmail)
    {
        var pi = await CreateAsync(factory, piEmail, name: "新主持人");
        return await factory.WithDbAsync(async db =>
        {
            var project = new Project
            {
                Number = "T" + Guid.NewGuid().ToString("N")[..12],
                Name = "測試計畫",
                Year = 2021,
                PrincipalInvestigatorName = "新主持人",
                School = "成功大學",
                Department = "醫工所",
            };
            project.Members.Add(new ProjectMember { UserId = pi.Id, Role = ProjectRole.PrincipalInvestigator });
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
    }
}
