using System.Diagnostics;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Xunit.Abstractions;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>A measurement, not a check: the members page of a project with 500 members, median of 10 warm requests.</summary>
[Trait("Category", "Measure")]
public sealed class MemberListMeasureTests(ProgressClockFactory factory, ITestOutputHelper output) : IClassFixture<ProgressClockFactory>
{
    [Fact]
    public async Task TheMembersPageOfAProjectWith500Members()
    {
        var periodId = await PeriodAsync(factory);
        var projectId = await factory.WithDbAsync(async db =>
        {
            var project = new Project { Number = "2021MEASURE_test", Name = "量測計畫", Year = 2021, PrincipalInvestigatorName = "甲", School = "乙", Department = "丙" };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            db.AllianceMembers.AddRange(Enumerable.Range(1, 500).Select(i => Member(project.Id, periodId, $"量測會員{i:000}")));
            await db.SaveChangesAsync();
            return project.Id;
        });
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var url = $"{Base(projectId, periodId)}/members";
        for (var i = 0; i < 3; i++)
        {
            await office.GetPageAsync(url);
        }

        var times = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await office.GetAsync(url);
            await response.Content.ReadAsStringAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = (times[4] + times[5]) / 2;
        output.WriteLine($"GET {url} with 500 members ({factory.Database.Provider}): median {median:0.0} ms, min {times[0]:0.0} ms, max {times[^1]:0.0} ms");
        var page = await office.GetPageAsync(url);
        Assert.Equal(500, page.QuerySelectorAll("[data-testid=members] tbody tr").Length);
    }
}
