using System.Net;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Reports;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.PdfRendering;
using AllianceKpi.Web.Tests.Support;
using AllianceKpi.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using static AllianceKpi.Web.Tests.Features.Evaluation.EvaluationTestData;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Reports;

/// <summary>
/// 季綜整表 and 累計綜整表: entries, 預期成果 and 管考資料 arranged in the database, the PDF downloaded as the assistant and read back
/// with pdftotext, the preview read as HTML.
/// </summary>
public sealed class SummaryTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private const string NarrativeText = "本期招募兩家廠商會員，持續拜訪潛在會員。";

    private static string PdfUrl(int projectId, int periodId, string view) => $"/projects/{projectId}/summary/{periodId}.pdf?view={view}";

    private static string PreviewUrl(int projectId, int periodId, string view) => $"/projects/{projectId}/summary/{periodId}?view={view}";

    /// <summary>A project with two valid company members, one whose contract ended 2021/09/30, a target of 8 members and a narrative for item 1.</summary>
    private async Task<(int ProjectId, int PeriodId, string Number)> ArrangeAsync(FormState evaluation, FormState? expected)
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        if (expected is { } state)
        {
            await ExpectedResultsAsync(factory, projectId, state, e => e.CompanyMembers = 8);
        }
        await factory.WithDbAsync(async db =>
        {
            db.AddRange(
                Member(projectId, periodId, "綜整有效甲股份有限公司", new DateOnly(2022, 3, 31)),
                Member(projectId, periodId, "綜整有效乙股份有限公司", new DateOnly(2022, 6, 30)),
                Member(projectId, periodId, "綜整九月到期有限公司", new DateOnly(2021, 9, 30)));
            var form = new EvaluationForm
            {
                ProjectId = projectId, ReportingPeriodId = periodId, State = evaluation, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            form.Write(1, NarrativeText, null);
            db.EvaluationForms.Add(form);
            await db.SaveChangesAsync();
        });
        var number = await factory.WithDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Id == projectId).Number));
        return (projectId, periodId, number);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string email = DemoSeeder.AssistantEmail)
    {
        using var client = await factory.SignedInAsync(email);
        return await client.GetAsync(url);
    }

    private async Task<byte[]> PdfAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        PopplerTools.EnsureInstalled();
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task TheQuarterSummaryPdfHasTheHeaderTheFiguresTheNarrativeAndWhyAMemberIsNotCounted()
    {
        var (projectId, periodId, number) = await ArrangeAsync(FormState.Draft, FormState.Draft);

        var pdf = await PdfAsync(PdfUrl(projectId, periodId, "period"));

        var text = string.Join("\n", PopplerTools.PageTexts(pdf));
        var compact = PopplerTools.WithoutWhitespace(text);
        Assert.Contains(number, text);
        Assert.Contains($"管考測試計畫{number}", text);
        Assert.Contains("王大明", text);
        Assert.Contains("2021年產學小聯盟季綜整表", compact);
        // Item 1: 本期 2, 累計 2, target 8, 25.0%.
        Assert.Contains("聯盟廠商會員家數家22825.0%", compact);
        Assert.Contains(NarrativeText, compact);
        var reason = compact[compact.IndexOf("綜整九月到期", StringComparison.Ordinal)..];
        Assert.Contains("不列計", reason);
        Assert.Contains("2021/09/30", reason);
        Assert.Contains("2021/10/31", reason);
        Assert.Contains($"第1頁/共{PopplerTools.PageCount(pdf)}頁", compact);
        // The watermark, on every page (the status 「草稿」 is on the first page only).
        var pages = PopplerTools.PageTexts(pdf, layout: false);
        Assert.True(pages.Count > 1);
        Assert.All(pages, page => Assert.Contains("草稿", PopplerTools.WithoutWhitespace(page)));
    }

    [Fact]
    public async Task TheFileIsNamedAfterTheProjectThePeriodAndTheSummary()
    {
        var (projectId, periodId, number) = await ArrangeAsync(FormState.Draft, FormState.Submitted);

        var quarter = await GetAsync(PdfUrl(projectId, periodId, "period"));
        var cumulative = await GetAsync(PdfUrl(projectId, periodId, "cumulative"));

        Assert.Equal($"{number}_2021第一次(3)_季綜整表.pdf",
            ContentDispositionHeaderValue.Parse(quarter.Content.Headers.ContentDisposition!.ToString()).FileNameStar.Value);
        Assert.Equal($"{number}_2021第一次(3)_累計綜整表.pdf",
            ContentDispositionHeaderValue.Parse(cumulative.Content.Headers.ContentDisposition!.ToString()).FileNameStar.Value);
    }

    [Fact]
    public async Task TheCumulativeSummaryIsRefusedUntilTheExpectedResultsAreSubmitted()
    {
        var (projectId, periodId, _) = await ArrangeAsync(FormState.Draft, FormState.Draft);

        var refused = await GetAsync(PdfUrl(projectId, periodId, "cumulative"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("預期成果尚未確定送出，無法下載累計綜整表。", page.QuerySelector("[data-testid=summary-unavailable]")?.TextContent.Trim());

        await factory.WithDbAsync(async db =>
        {
            db.ExpectedResults.Single(e => e.ProjectId == projectId).State = FormState.Submitted;
            await db.SaveChangesAsync();
        });
        var pdf = await PdfAsync(PdfUrl(projectId, periodId, "cumulative"));
        var compact = PopplerTools.WithoutWhitespace(string.Join("\n", PopplerTools.PageTexts(pdf)));
        Assert.Contains("2021年產學小聯盟累計綜整表", compact);
        // 累計 only: 2 members, target 8, 25.0%.
        Assert.Contains("聯盟廠商會員家數家2825.0%", compact);
    }

    [Fact]
    public async Task ASubmittedFormsSummaryHasNoWatermarkAndCarriesTheSubmissionsHash()
    {
        var (projectId, periodId, _) = await ArrangeAsync(FormState.Submitted, FormState.Submitted);
        var sha = new string('a', 64);
        await factory.WithDbAsync(async db =>
        {
            db.FormSubmissions.Add(new FormSubmission
            {
                Kind = FormKind.Evaluation, ProjectId = projectId, ReportingPeriodId = periodId, Number = 1, SubmittedByUserId = "x",
                SubmittedAt = DateTime.UtcNow, CanonicalJson = "{}", Sha256 = sha,
            });
            await db.SaveChangesAsync();
        });

        var pdf = await PdfAsync(PdfUrl(projectId, periodId, "period"));

        var raw = PopplerTools.WithoutWhitespace(string.Join("", PopplerTools.PageTexts(pdf, layout: false)));
        Assert.DoesNotContain("草稿", raw);
        Assert.Contains("已送出", raw);
        Assert.Contains(sha, raw);
    }

    [Fact]
    public async Task ThePreviewIsTheSameHtmlWithTheSameFigures()
    {
        var (projectId, periodId, number) = await ArrangeAsync(FormState.Draft, FormState.Draft);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var page = await client.GetPageAsync(PreviewUrl(projectId, periodId, "period"));

        Assert.NotNull(page.QuerySelector(".watermark"));
        Assert.Contains(number, page.QuerySelector("[data-testid=summary-header]")!.TextContent);
        var cells = page.QuerySelectorAll("[data-testid=figures-1] tbody tr").First().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["聯盟廠商會員家數", "家", "2", "2", "8", "25.0%"], cells);
        Assert.Equal(NarrativeText, page.QuerySelector("[data-testid=narrative-1]")!.TextContent.Trim());
        var expired = page.QuerySelectorAll("[data-testid=entries-1] tbody tr").Single(r => r.TextContent.Contains("綜整九月到期有限公司", StringComparison.Ordinal));
        Assert.Contains("2021/10/31", expired.TextContent);
        Assert.NotNull(page.QuerySelector("thead"));
    }

    [Fact]
    public async Task TheFormPageLinksToBothSummaries()
    {
        var (projectId, periodId, _) = await ArrangeAsync(FormState.Draft, FormState.Draft);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var page = await client.GetPageAsync(Url(projectId, periodId));

        var links = page.QuerySelectorAll("[data-testid=summary-links] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("季綜整表", PreviewUrl(projectId, periodId, "period")), ("累計綜整表", PreviewUrl(projectId, periodId, "cumulative"))], links);
    }

    [Theory]
    [InlineData("period", true)]
    [InlineData("cumulative", true)]
    [InlineData("period", false)]
    public async Task AnotherProjectsAssistantIsRefused(string view, bool asPdf)
    {
        await Personas.EnsureAsync(factory);
        var (projectId, periodId, _) = await ArrangeAsync(FormState.Draft, FormState.Submitted);

        var response = await GetAsync(asPdf ? PdfUrl(projectId, periodId, view) : PreviewUrl(projectId, periodId, view), Personas.OtherAssistantEmail);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>The portal on a server without Chromium (a path where there is none).</summary>
public sealed class NoChromiumFactory : ProgressClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.PostConfigure<PdfOptions>(o => o.ChromiumPath = "/nonexistent/chromium-for-tests"));
    }
}

public sealed class SummaryWithoutChromiumTests(NoChromiumFactory factory) : IClassFixture<NoChromiumFactory>
{
    [Fact]
    public async Task AMissingChromiumGivesAFriendlyPageNotAnError()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var response = await client.GetAsync($"/projects/{projectId}/summary/{periodId}.pdf?view=period");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SummaryController.PdfUnavailableMessage, page.QuerySelector("[data-testid=summary-unavailable]")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/projects/{projectId}/summary/{periodId}?view=period")).StatusCode);
    }
}
