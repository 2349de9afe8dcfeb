using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Dom;
using static AllianceKpi.Web.Tests.Features.Progress.EntryPages;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// On 2021/11/05 the second report accepts entries and the first is past its deadline: each kind's page of the second report
/// lists this period's entries with 修改/刪除 and, below them, the first report's entries that still count, read-only.
/// </summary>
public sealed class EarlierEntriesTests(AfterDeadlineFactory factory) : IClassFixture<AfterDeadlineFactory>
{
    private async Task<T> InsertAsync<T>(T entry) where T : ProgressEntry
    {
        entry.CreatedAt = entry.UpdatedAt = DateTime.UtcNow;
        await factory.WithDbAsync(async db =>
        {
            db.Add(entry);
            await db.SaveChangesAsync();
        });
        return entry;
    }

    private static void AssertReadOnly(IElement row)
    {
        Assert.Null(row.QuerySelector("form, a[href$='/edit']"));
        Assert.Equal("列計", row.QuerySelector("[data-testid=verdict] .badge")!.TextContent);
        Assert.Contains("2021第一次(3)", row.TextContent);
    }

    [Fact]
    public async Task IncomeOfTheFirstReportThatCountsIsListedReadOnlyBelowTheSecondReportsIncome()
    {
        var people = await Personas.EnsureAsync(factory);
        var firstId = await PeriodAsync(factory);
        var url = await ListUrlAsync(factory, people, "income", ReportingPeriodKind.SecondReport);
        var counted = await InsertAsync(new OperatingIncome
        {
            ProjectId = people.DemoProjectId, ReportingPeriodId = firstId, MembershipFee = 20, CounterpartyName = "上期付款公司",
            AccountingDate = new DateOnly(2021, 5, 1),
        });
        var outside = await InsertAsync(new OperatingIncome
        {
            ProjectId = people.DemoProjectId, ReportingPeriodId = firstId, MembershipFee = 20, CounterpartyName = "上期窗外公司",
            AccountingDate = new DateOnly(2021, 1, 15),
        });
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var (_, list) = await SendAsync(pi, url, "/new", IncomePageTests.Income("本期付款公司", "2021/11/02"));

        var earlier = list.QuerySelector("[data-testid=earlier-income]")!;
        var row = earlier.QuerySelector($"[data-testid=earlier-income-{counted.Id}]")!;
        AssertReadOnly(row);
        Assert.Contains("上期付款公司", row.TextContent);
        Assert.DoesNotContain("刪除", earlier.QuerySelector("thead")!.TextContent);
        Assert.Null(list.QuerySelector($"[data-testid=earlier-income-{outside.Id}]"));
        Assert.Null(list.QuerySelector($"[data-testid=income-{counted.Id}]"));
        var current = list.QuerySelector("[data-testid=income] tbody tr")!;
        Assert.Contains("本期付款公司", current.TextContent);
        Assert.NotNull(current.QuerySelector("a[href$='/edit']"));
        Assert.Equal(HttpStatusCode.NotFound, (await pi.GetAsync($"{url}/{counted.Id}/edit")).StatusCode);
    }

    [Fact]
    public async Task ActivitiesOfTheFirstReportThatCountAreListedReadOnlyAndTheSecondReportWithoutAnySaysSo()
    {
        var people = await Personas.EnsureAsync(factory);
        var firstId = await PeriodAsync(factory);
        var url = await ListUrlAsync(factory, people, "promotion", ReportingPeriodKind.SecondReport);
        var counted = await InsertAsync(ProgressTestData.Activity(people.DemoProjectId, firstId, "上期說明會"));
        var early = ProgressTestData.Activity(people.DemoProjectId, firstId, "計畫前說明會");
        early.Date = new DateOnly(2020, 12, 20);
        await InsertAsync(early);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var list = await pi.GetPageAsync(url);
        var services = await pi.GetPageAsync(await ListUrlAsync(factory, people, "member-services", ReportingPeriodKind.SecondReport));

        AssertReadOnly(list.QuerySelector($"[data-testid=earlier-promotion-{counted.Id}]")!);
        Assert.Null(list.QuerySelector($"[data-testid=earlier-promotion-{early.Id}]"));
        Assert.NotNull(list.QuerySelector("[data-testid=no-promotion]"));
        Assert.NotNull(services.QuerySelector("[data-testid=no-earlier]"));
    }
}
