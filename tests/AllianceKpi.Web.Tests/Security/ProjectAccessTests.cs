using System.Security.Claims;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>
/// The role check reads the user's role on the project together with the project's row; a progress page of the same request
/// takes that row instead of reading it again. The role it answers is the one the membership says, on every project.
/// </summary>
public sealed class ProjectAccessTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private static ClaimsPrincipal UserOf(string userId, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));

    [Fact]
    public async Task EachUserGetsTheRoleItHoldsOnThatProjectAndNoneOnAnother()
    {
        var people = await Personas.EnsureAsync(factory);
        var pi = UserOf(await Personas.UserIdAsync(factory, DemoSeeder.PiEmail));
        var assistant = UserOf(await Personas.UserIdAsync(factory, DemoSeeder.AssistantEmail));
        var otherAssistant = UserOf(await Personas.UserIdAsync(factory, Personas.OtherAssistantEmail));
        await using var scope = factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<ProjectAccess>();

        Assert.Equal(ProjectRole.PrincipalInvestigator, await access.RoleOnAsync(pi, people.DemoProjectId));
        Assert.Equal(ProjectRole.Assistant, await access.RoleOnAsync(assistant, people.DemoProjectId));
        Assert.Null(await access.RoleOnAsync(otherAssistant, people.DemoProjectId));
        Assert.Equal(ProjectRole.Assistant, await access.RoleOnAsync(otherAssistant, people.OtherProjectId));
        Assert.Null(await access.RoleOnAsync(assistant, people.OtherProjectId));
        Assert.Null(await access.RoleOnAsync(pi, 987654)); // no such project
        Assert.Null(access.ProjectReadWithRole(987654));
    }

    [Fact]
    public async Task TheProjectReadWithTheRoleIsItsWholeRow()
    {
        var people = await Personas.EnsureAsync(factory);
        var otherPi = UserOf(await Personas.UserIdAsync(factory, Personas.OtherPiEmail));
        await using var scope = factory.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<ProjectAccess>();
        Assert.Null(access.ProjectReadWithRole(people.OtherProjectId)); // nothing read yet

        await access.RoleOnAsync(otherPi, people.OtherProjectId);

        var project = access.ProjectReadWithRole(people.OtherProjectId);
        Assert.NotNull(project);
        Assert.Equal(people.OtherProjectId, project.Id);
        Assert.Equal(Personas.OtherProjectNumber, project.Number);
        Assert.Equal("其他聯盟測試計畫", project.Name);
        Assert.Equal(DemoSeeder.Year, project.Year);
        Assert.Equal("陳其他", project.PrincipalInvestigatorName);
        Assert.Equal("清華大學", project.School);
        Assert.Equal("材料系", project.Department);
        Assert.Null(access.ProjectReadWithRole(people.DemoProjectId)); // only what was checked
    }

    [Fact]
    public async Task AProgressPageTakesTheProjectTheRoleCheckReadAndTheOfficeReadsItItself()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        var assistant = UserOf(await Personas.UserIdAsync(factory, DemoSeeder.AssistantEmail));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var access = scope.ServiceProvider.GetRequiredService<ProjectAccess>();
            await access.RoleOnAsync(assistant, people.DemoProjectId);
            var context = await scope.ServiceProvider.GetRequiredService<ProgressContextHandler>()
                .LoadAsync(assistant, people.DemoProjectId, periodId, CancellationToken.None);

            Assert.NotNull(context);
            Assert.Same(access.ProjectReadWithRole(people.DemoProjectId), context.Project);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var office = UserOf("office-user", AppRoles.Office);
            var context = await scope.ServiceProvider.GetRequiredService<ProgressContextHandler>()
                .LoadAsync(office, people.DemoProjectId, periodId, CancellationToken.None);

            Assert.NotNull(context);
            Assert.Equal(DemoSeeder.ProjectNumber, context.Project.Number);
            Assert.Null(scope.ServiceProvider.GetRequiredService<ProjectAccess>().ProjectReadWithRole(people.DemoProjectId));
        }
    }
}
