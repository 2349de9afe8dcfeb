using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>The demo project, plus a second project with its own PI and assistant, for tests that cross project borders.</summary>
public sealed record Personas(int DemoProjectId, int OtherProjectId)
{
    public const string OtherPiEmail = "other.pi@test.tw";
    public const string OtherAssistantEmail = "other.assistant@test.tw";
    public const string OtherProjectNumber = "2021OTHER_test";

    public static async Task<Personas> EnsureAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AllianceKpi.Infrastructure.Data.AppDbContext>();
        var demo = await db.Projects.SingleAsync(p => p.Number == DemoSeeder.ProjectNumber);
        var other = await db.Projects.SingleOrDefaultAsync(p => p.Number == OtherProjectNumber);
        if (other is null)
        {
            var accounts = services.GetRequiredService<AccountSeeder>();
            var pi = await accounts.EnsureAccountAsync(OtherPiEmail, "陳其他", DemoSeeder.Password);
            var assistant = await accounts.EnsureAccountAsync(OtherAssistantEmail, "張其他", DemoSeeder.Password);
            other = new Project
            {
                Number = OtherProjectNumber,
                Name = "其他聯盟測試計畫",
                Year = DemoSeeder.Year,
                PrincipalInvestigatorName = "陳其他",
                School = "清華大學",
                Department = "材料系",
                Alliance = new AllianceProfile { AllianceName = "其他測試聯盟", PrimaryIndustryCode = "C26" },
            };
            other.Members.Add(new ProjectMember { UserId = pi.Id, Role = ProjectRole.PrincipalInvestigator });
            other.Members.Add(new ProjectMember { UserId = assistant.Id, Role = ProjectRole.Assistant });
            db.Projects.Add(other);
            await db.SaveChangesAsync();
        }
        return new Personas(demo.Id, other.Id);
    }

    public static async Task<string> UserIdAsync(PortalFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))?.Id ?? throw new InvalidOperationException($"No account {email}");
    }
}
