using System.IO.Compression;
using System.Net;
using System.Text.Json;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.PdfRendering;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>A portal of its own, so that the year's projects are the few these tests make.</summary>
public sealed class ZipExportFactory : ProgressClockFactory;

/// <summary>全部綜整表 PDF（zip）: the office queues a period's zip, the background worker builds it, the office downloads it.</summary>
public sealed class ZipExportTests(ZipExportFactory factory) : IClassFixture<ZipExportFactory>
{
    private const string Page = "/office/exports/summaries";

    private sealed record JobStatus(string Status, int Total, int Done, string? Error, string? DownloadUrl);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Queues the zip of the first report period as the office; returns the job's status URL.</summary>
    private static async Task<int> StartAsync(PortalClient office, int periodId)
    {
        var response = await office.PostFormAsync(Page, new { PeriodId = periodId.ToString() }, Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await office.GetPageAsync(Page);
        return int.Parse(page.QuerySelector("[data-zip-job]")!.GetAttribute("data-zip-job")!);
    }

    /// <summary>Polls the status as the page's script does until the job is finished; returns every status seen.</summary>
    private static async Task<List<JobStatus>> FollowAsync(PortalClient office, int jobId)
    {
        var seen = new List<JobStatus>();
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            var response = await office.GetAsync($"{Page}/{jobId}/status");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = JsonSerializer.Deserialize<JobStatus>(await response.Content.ReadAsStringAsync(), Json)!;
            seen.Add(status);
            if (status.Status is "Completed" or "Failed")
            {
                return seen;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The zip export did not finish in 3 minutes.");
    }

    [Fact]
    public async Task TheZipHoldsOneSummaryPdfPerProjectOfThePeriodsYear()
    {
        var first = await Evaluation.EvaluationTestData.ProjectAsync(factory);
        await Evaluation.EvaluationTestData.ProjectAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        await factory.WithDbAsync(db => db.Add(Member(first, periodId, "壓縮檔會員股份有限公司", new DateOnly(2022, 3, 31))).Context.SaveChangesAsync());
        var projects = await factory.WithDbAsync(db => db.Projects.Where(p => p.Year == DemoSeeder.Year).Select(p => new { p.Id, p.Number }).ToListAsync());
        var firstNumber = projects.Single(p => p.Id == first).Number;
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var jobId = await StartAsync(office, periodId);
        var seen = await FollowAsync(office, jobId);
        var download = await office.GetAsync(seen[^1].DownloadUrl!);

        var last = seen[^1];
        Assert.Equal(("Completed", projects.Count, projects.Count), (last.Status, last.Total, last.Done));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2021第一次(3)_季綜整表.zip",
            ContentDispositionHeaderValue.Parse(download.Content.Headers.ContentDisposition!.ToString()).FileNameStar.Value);
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(projects.Select(p => $"{p.Number}_2021第一次(3)_季綜整表.pdf").Order(StringComparer.Ordinal),
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        await using var entry = zip.GetEntry($"{firstNumber}_2021第一次(3)_季綜整表.pdf")!.Open();
        using var pdf = new MemoryStream();
        await entry.CopyToAsync(pdf);
        PopplerTools.EnsureInstalled();
        var text = PopplerTools.WithoutWhitespace(string.Join("", PopplerTools.PageTexts(pdf.ToArray(), layout: false)));
        Assert.Contains(firstNumber, text);
        Assert.Contains("壓縮檔會員股份有限公司", text);
        Assert.Contains("季綜整表", text);
    }

    [Fact]
    public async Task TheOfficePageListsTheJobWithItsProgressBar()
    {
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var jobId = await StartAsync(office, periodId);
        await FollowAsync(office, jobId);

        var page = await office.GetPageAsync(Page);

        var row = page.QuerySelector($"[data-zip-job='{jobId}']")!;
        var bar = row.QuerySelector("progress")!;
        Assert.Equal(bar.GetAttribute("max"), bar.GetAttribute("value"));
        Assert.Contains("已完成", row.QuerySelector("[data-zip-status]")!.TextContent);
        Assert.Equal($"{Page}/{jobId}/download", row.QuerySelector("[data-testid=zip-export-download]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/zip-export.js']"));
    }

    [Fact]
    public async Task AnUnknownPeriodIsNotFound()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var response = await office.PostFormAsync(Page, new { PeriodId = "999999" }, Page);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task OnlyTheOfficeMayAskForFollowOrDownloadAZip(string email)
    {
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        int jobId;
        using (var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail))
        {
            jobId = await StartAsync(office, periodId);
            await FollowAsync(office, jobId);
        }
        using var other = await factory.SignedInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"{Page}/{jobId}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"{Page}/{jobId}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync(Page, new { PeriodId = periodId.ToString() }, "/")).StatusCode);
    }
}

/// <summary>A zip asked for on a server without Chromium fails with the friendly message, and offers no download.</summary>
public sealed class ZipExportWithoutChromiumTests(Reports.NoChromiumFactory factory) : IClassFixture<Reports.NoChromiumFactory>
{
    [Fact]
    public async Task TheJobFailsWithTheMessageThatPdfsCannotBeMadeNow()
    {
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostFormAsync("/office/exports/summaries", new { PeriodId = periodId.ToString() }, "/office/exports/summaries");
        var jobId = await factory.WithDbAsync(db => db.SummaryZipJobs.OrderByDescending(j => j.Id).Select(j => j.Id).FirstAsync());

        JsonElement status = default;
        for (var i = 0; i < 300; i++)
        {
            status = JsonDocument.Parse(await (await office.GetAsync($"/office/exports/summaries/{jobId}/status")).Content.ReadAsStringAsync()).RootElement;
            if (status.GetProperty("status").GetString() is "Failed" or "Completed")
            {
                break;
            }
            await Task.Delay(200);
        }

        Assert.Equal("Failed", status.GetProperty("status").GetString());
        Assert.Equal(Web.Features.Reports.SummaryController.PdfUnavailableMessage, status.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/office/exports/summaries/{jobId}/download")).StatusCode);
    }
}
