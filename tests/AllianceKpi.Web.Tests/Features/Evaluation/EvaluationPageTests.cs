using System.Globalization;
using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Evaluation.EvaluationTestData;

namespace AllianceKpi.Web.Tests.Features.Evaluation;

/// <summary>The list and the form page: periods, figures from the rules engine, targets, rates, links, who sees what.</summary>
public sealed class EvaluationPageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    [Fact]
    public async Task TheListOffersOnlyReportPeriodsAndShowsEachProjectsFormState()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var number = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Number).SingleAsync());
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var before = await pi.GetPageAsync($"/evaluation?periodId={periodId}");
        await PostAsync(pi, Url(projectId, periodId), new Dictionary<string, string> { [Narrative(1)] = "會員招募進行中" });
        var after = await pi.GetPageAsync($"/evaluation?periodId={periodId}");

        var options = before.QuerySelectorAll("#periodId option").Select(o => o.TextContent).ToList();
        Assert.Contains(ReportingPeriod.StandardName(2021, ReportingPeriodKind.FirstReport), options);
        Assert.DoesNotContain(ReportingPeriod.StandardName(2021, ReportingPeriodKind.ExpectedResults), options);
        Assert.Equal("尚未填寫", RowOf(before, number).QuerySelector("[data-testid=form-state]")!.TextContent);
        Assert.Equal("草稿", RowOf(after, number).QuerySelector("[data-testid=form-state]")!.TextContent);
        Assert.Equal(Url(projectId, periodId), RowOf(after, number).QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task APeriodThatIsNotAReportOfTheProjectsYearIsNotFound()
    {
        var projectId = await ProjectAsync(factory);
        var expectedPeriod = await PeriodAsync(factory, ReportingPeriodKind.ExpectedResults);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await pi.GetAsync(Url(projectId, expectedPeriod))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pi.GetAsync(Url(projectId, 987_654))).StatusCode);
    }

    [Fact]
    public async Task EveryFigureShownIsTheRulesEnginesForThePeriodAndThroughIt()
    {
        var projectId = await ProjectAsync(factory);
        var first = await PeriodAsync(factory);
        var second = await PeriodAsync(factory, ReportingPeriodKind.SecondReport);
        await factory.WithDbAsync(async db =>
        {
            db.AllianceMembers.Add(MemberTestData.Member(projectId, first, "甲精密公司"));
            db.AllianceMembers.Add(MemberTestData.Member(projectId, first, "乙短約公司", new DateOnly(2021, 9, 30)));
            db.AllianceMembers.Add(MemberTestData.Member(projectId, second, "丙材料公司"));
            db.OperatingIncomes.Add(new OperatingIncome { ProjectId = projectId, ReportingPeriodId = first, MembershipFee = 12.5m, CounterpartyName = "甲精密公司", AccountingDate = new DateOnly(2021, 5, 1) });
            db.OperatingIncomes.Add(new OperatingIncome { ProjectId = projectId, ReportingPeriodId = second, TechnicalServiceFee = 1234.5m, CounterpartyName = "丙材料公司", AccountingDate = new DateOnly(2021, 11, 2) });
            db.PromotionActivities.Add(ProgressTestData.Activity(projectId, first));
            await db.SaveChangesAsync();
        });
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var page = await pi.GetPageAsync(Url(projectId, second));
        var (period, cumulative) = await EngineAsync(projectId, second);

        var companyMembers = FigureRow(page, 1, "聯盟廠商會員家數(家)");
        Assert.Equal(("1", "2"), (Cell(companyMembers, "period-value"), Cell(companyMembers, "cumulative-value")));
        var totalIncome = FigureRow(page, 3, "總收入(仟元)");
        Assert.Equal(("1,234.5", "1,247"), (Cell(totalIncome, "period-value"), Cell(totalIncome, "cumulative-value")));
        foreach (var item in Domain.Forms.FormItems.Evaluation)
        {
            foreach (var measure in item.Measures)
            {
                var info = KpiMeasures.Info(measure);
                var row = FigureRow(page, item.Number, $"{info.Label}({info.Unit})");
                Assert.Equal(Show(period.Value(measure)), Cell(row, "period-value"));
                Assert.Equal(Show(cumulative.Value(measure)), Cell(row, "cumulative-value"));
            }
        }
        Assert.Equal($"/projects/{projectId}/progress/{second}/members", Item(page, 1).QuerySelector("[data-testid=entries-link]")!.GetAttribute("href"));
        Assert.Equal($"/projects/{projectId}/progress/{second}/income", Item(page, 3).QuerySelector("[data-testid=entries-link]")!.GetAttribute("href"));
        Assert.Null(Item(page, 8).QuerySelector("[data-testid=entries-link]"));
    }

    [Fact]
    public async Task TargetsComeFromTheYearsExpectedResultsWithTheAchievementRate()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await factory.WithDbAsync(db => db.AllianceMembers.Add(MemberTestData.Member(projectId, periodId, "丁達成公司")).Context.SaveChangesAsync());
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var without = await pi.GetPageAsync(Url(projectId, periodId));
        await ExpectedResultsAsync(factory, projectId, FormState.Draft, e => { e.CompanyMembers = 4; e.Masters = 5; });
        var with = await pi.GetPageAsync(Url(projectId, periodId));

        Assert.Equal("尚未填寫", Cell(FigureRow(without, 1, "聯盟廠商會員家數(家)"), "target-value"));
        Assert.Equal("—", Cell(FigureRow(without, 1, "其它會員(家)"), "target-value"));
        Assert.Equal(("4", "25.0%"), (Cell(FigureRow(with, 1, "聯盟廠商會員家數(家)"), "target-value"), Cell(FigureRow(with, 1, "聯盟廠商會員家數(家)"), "rate-value")));
        Assert.Equal("尚未填寫", Cell(FigureRow(with, 2, "聯盟推廣活動(場)"), "target-value"));
        var masters = Item(with, 10).QuerySelectorAll("[data-testid=typed-number]").Single(r => r.TextContent.Contains("碩士", StringComparison.Ordinal));
        Assert.Equal("5", masters.QuerySelector("[data-testid=target-value]")!.TextContent);
    }

    [Fact]
    public async Task ThePageLabelsEveryFieldAndCountsCharactersWithoutMaxlength()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var page = await assistant.GetPageAsync(Url(projectId, periodId));

        var item8 = page.GetElementById("item8.narrative")!;
        Assert.Equal("1000", item8.GetAttribute("data-maxchars"));
        Assert.Equal("500", page.GetElementById("item1.narrative")!.GetAttribute("data-maxchars"));
        Assert.Null(page.GetElementById("item10.narrative"));
        Assert.Empty(page.QuerySelectorAll("textarea[maxlength]"));
        foreach (var field in page.QuerySelectorAll("[data-testid=evaluation-form] textarea, [data-testid=evaluation-form] input:not([type=hidden])"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{field.Id}']"));
        }
        Assert.NotNull(page.QuerySelector("[data-testid=save-button]"));
        Assert.Null(page.QuerySelector("[data-testid=submit-button]"));
        Assert.NotNull(page.QuerySelector("form[data-autosave-url][data-keep-draft]"));
        Assert.NotNull(page.QuerySelector("[data-testid=autosave-status]"));
    }

    [Fact]
    public async Task TheOfficeSeesTheFormReadOnlyAndCannotSaveIt()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var page = await office.GetPageAsync(Url(projectId, periodId));
        var save = await CraftedPostAsync(office, Url(projectId, periodId), new Dictionary<string, string> { [Narrative(1)] = "辦公室改寫" }, "save");
        var autosave = await AutosaveAsync(office, Url(projectId, periodId), new Dictionary<string, string> { [Narrative(1)] = "辦公室改寫" }, "/");

        Assert.Null(page.QuerySelector("[data-testid=save-button]"));
        Assert.Null(page.QuerySelector("[data-testid=submit-button]"));
        Assert.Null(page.QuerySelector("form[data-autosave-url]"));
        Assert.NotNull(page.GetElementById("item1.narrative")!.GetAttribute("readonly"));
        Assert.NotNull(page.QuerySelector("[data-testid=read-only-reason]"));
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, autosave.StatusCode);
        Assert.Null(await FormAsync(factory, projectId, periodId));
    }

    [Fact]
    public async Task AnotherProjectsAssistantCannotOpenOrChangeTheForm()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await Personas.EnsureAsync(factory);
        using var stranger = await factory.SignedInAsync(Personas.OtherAssistantEmail);
        var url = Url(projectId, periodId);
        var fields = new Dictionary<string, string> { [Narrative(1)] = "外人寫入" };

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await CraftedPostAsync(stranger, url, fields, "save")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AutosaveAsync(stranger, url, fields, "/")).StatusCode);
        Assert.Null(await FormAsync(factory, projectId, periodId));
    }

    private async Task<(KpiFigures Period, KpiFigures Cumulative)> EngineAsync(int projectId, int periodId) =>
        await factory.WithDbAsync(async db =>
        {
            var year = await db.ProgrammeYears.AsNoTracking().Include(y => y.Periods).SingleAsync(y => y.Periods.Any(p => p.Id == periodId));
            var period = year.Periods.Single(p => p.Id == periodId);
            var entries = new KpiEntries
            {
                Members = await db.AllianceMembers.AsNoTracking().Where(e => e.ProjectId == projectId).ToListAsync(),
                Incomes = await db.OperatingIncomes.AsNoTracking().Where(e => e.ProjectId == projectId).ToListAsync(),
                PromotionActivities = await db.PromotionActivities.AsNoTracking().Where(e => e.ProjectId == projectId).ToListAsync(),
            };
            return (KpiEngine.Evaluate(KpiInput.ForPeriod(year, year.Periods, period, entries)).Figures,
                KpiEngine.Evaluate(KpiInput.CumulativeThrough(year, year.Periods, period, entries)).Figures);
        });

    private static string Show(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static IElement RowOf(IParentNode page, string projectNumber) =>
        page.QuerySelector($"[data-testid=period-projects] tr[data-project='{projectNumber}']")
        ?? throw new Xunit.Sdk.XunitException($"No row for {projectNumber}");

    private static IElement Item(IParentNode page, int item) =>
        page.QuerySelector($"section[data-item='{item}']") ?? throw new Xunit.Sdk.XunitException($"No item {item}");

    private static IElement FigureRow(IParentNode page, int item, string label) =>
        Item(page, item).QuerySelectorAll("[data-testid=figure-row]").FirstOrDefault(r => r.GetAttribute("data-label") == label)
        ?? throw new Xunit.Sdk.XunitException($"No figure {label} in item {item}");

    private static string Cell(IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
}
