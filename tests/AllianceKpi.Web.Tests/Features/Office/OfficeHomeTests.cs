using AllianceKpi.Domain.Content;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Seeding;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>The office home on 2021/10/21 (Taiwan): the seeded periods are all open.</summary>
public sealed class OfficeHomeTests(FixedClockFactory factory) : IClassFixture<FixedClockFactory>
{
    [Fact]
    public async Task OfficeHomeLinksEveryOfficePage()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.GetPageAsync("/office");
        var links = page.QuerySelectorAll("[data-testid=office-links] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/office/years", "/office/projects", "/office/news", "/office/qa", "/office/outbox"], links);
    }

    [Fact]
    public async Task OpenPeriodsShowTheDaysLeftCountedFromTheClock()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.GetPageAsync("/office");
        Assert.Contains("2021/10/21", page.QuerySelector("main")!.TextContent);
        var rows = page.QuerySelectorAll("[data-testid=open-periods] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("2021年產學小聯盟第一次(3)成果綜整表") && r.Contains("剩 10 天"));
        Assert.Contains(rows, r => r.Contains("2021年產學小聯盟第二次成果綜整表") && r.Contains("剩 102 天"));
        Assert.Contains(rows, r => r.Contains("2021年產學小聯盟預期成果綜整表") && r.Contains("已逾期 174 天"));
        Assert.StartsWith("2021年產學小聯盟預期成果綜整表", rows[0].Trim());
    }

    [Fact]
    public async Task CountsProjectsPerYearAndUnsentEmails()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Projects.Add(new Project { Number = "2020HOME_test", Name = "舊計畫", Year = 2020, Status = ProjectStatus.Ended, PrincipalInvestigatorName = "甲", School = "乙", Department = "丙" });
            db.Projects.Add(new Project { Number = "2020REJ_test", Name = "未通過", Year = 2020, Status = ProjectStatus.Rejected, PrincipalInvestigatorName = "甲", School = "乙", Department = "丙" });
            db.Outbox.Add(new OutboxEmail { To = "a@test.tw", Subject = "s", Body = "b", CreatedAt = DateTime.UtcNow });
            db.Outbox.Add(new OutboxEmail { To = "b@test.tw", Subject = "s", Body = "b", CreatedAt = DateTime.UtcNow });
            db.Outbox.Add(new OutboxEmail { To = "c@test.tw", Subject = "s", Body = "b", CreatedAt = DateTime.UtcNow, SentAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.GetPageAsync("/office");
        var rows = page.QuerySelectorAll("[data-testid=projects-per-year] tbody tr")
            .Select(r => string.Join(",", r.QuerySelectorAll("td").Select(td => td.TextContent)))
            .ToList();
        Assert.Equal(["2021,1,1,0,0", "2020,2,0,1,1"], rows);
        Assert.Contains("尚未寄出的電子郵件：2 封", page.QuerySelector("[data-testid=unsent-emails]")!.TextContent);
    }
}
