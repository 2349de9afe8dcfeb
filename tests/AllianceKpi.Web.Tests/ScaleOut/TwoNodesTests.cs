using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Evaluation;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static AllianceKpi.Web.Tests.Features.Progress.ProgressTestData;

namespace AllianceKpi.Web.Tests.ScaleOut;

/// <summary>
/// Two real Kestrel processes of the portal on one database and one Storage:Root, as two nodes behind a load balancer
/// without sticky sessions (decision 0021). On PostgreSQL in the PostgreSQL run; on one shared SQLite file (WAL) otherwise.
/// </summary>
public sealed class TwoNodesTests(ITestOutputHelper output) : IDisposable
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly NodeStore _store = new("nodes");

    [Fact]
    public async Task WorkStartedOnOneNodeContinuesOnTheOtherWithTheSameCookie()
    {
        using var nodeA = await PortalProcess.StartAsync(_store.Settings(seed: true));
        Step("node A migrated, seeded and healthy");
        using var nodeB = await PortalProcess.StartAsync(_store.Settings(seed: false));
        Step("node B healthy");
        var browser = new CookieJar();
        using var onA = nodeA.Client(browser);
        using var onB = nodeB.Client(browser);

        // Signed in on A, known on B.
        await onA.SignInAsync(DemoSeeder.PiEmail, DemoSeeder.Password);
        var list = await onB.GetPageAsync("/progress");
        Assert.Equal(DemoSeeder.PiEmail, list.QuerySelector("[data-testid=signed-in-as]")?.TextContent);
        var progress = list.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").First(h => NodeStore.ProgressPage().IsMatch(h));
        var overviewOnB = await onB.GetPageAsync(progress);
        Assert.Equal(DemoSeeder.PiEmail, overviewOnB.QuerySelector("[data-testid=signed-in-as]")?.TextContent);

        Step("signed in on A, pages on B");

        // A form read on B is posted to A: A accepts B's anti-forgery token; the entry and its file are saved by A.
        var newMember = $"{progress}/members/new";
        var file = Pdf(20_000);
        using var form = MemberForm("跨節點測試股份有限公司", file);
        form.Add(new StringContent(await onB.TokenAsync(newMember)), "__RequestVerificationToken");
        var saved = await onA.Http.PostAsync(newMember, form);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect,
            $"POST on A with B's token: {(int)saved.StatusCode}\n{await saved.Content.ReadAsStringAsync()}\n{nodeA.RecentOutput}");

        // B lists the entry and serves the file A stored.
        var members = await onB.GetPageAsync($"{progress}/members");
        var row = members.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("跨節點測試股份有限公司"));
        var download = row.QuerySelector("[data-testid=download]")?.GetAttribute("href");
        Assert.NotNull(download);
        var fileOnB = await onB.GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, fileOnB.StatusCode);
        Assert.Equal(file, await fileOnB.Content.ReadAsByteArrayAsync());

        Step("saved on A, read and downloaded on B");

        // The printed summary of a submitted form is cached in the database: printed once on A, B serves the same bytes
        // (a second print would differ at least in its creation time).
        var (projectId, periodId) = ProjectAndPeriod(progress);
        await ExpectedResultsSubmittedAsync(projectId);
        var evaluation = EvaluationTestData.Url(projectId, periodId);
        var submitted = await EvaluationTestData.PostAsync(onA, evaluation,
            EvaluationTestData.Complete().Set("Form.ConfirmWarnings", "true"), "submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var summary = $"/projects/{projectId}/summary/{periodId}.pdf?view=period";
        var printedOnA = await PdfAsync(onA, summary);
        var servedOnB = await PdfAsync(onB, summary);
        Assert.Equal(printedOnA, servedOnB);
        Assert.Equal(1, await CachedPdfsAsync());
        Step("summary printed on A, the same bytes from B");

        // One key ring, in the database: B used the key A created at its start instead of making its own; no key folder.
        Assert.Equal(1, await KeyRowsAsync());
        Assert.False(Directory.Exists(Path.Combine(_store.StorageRoot, "keys")));

        // The cookie is only as good as the shared ring: a node that starts on a replaced ring (as a node keeping its own
        // keys would have) sends the same browser to the sign-in page.
        await ReplaceKeyRingAsync();
        using var nodeC = await PortalProcess.StartAsync(_store.Settings(seed: false));
        using var onC = nodeC.Client(browser);
        var refused = await onC.GetAsync("/progress");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/login", refused.Headers.Location?.AbsolutePath);
        Step("node C on a replaced ring refused the cookie");
    }

    private void Step(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    private static MultipartFormDataContent MemberForm(string company, byte[] file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in Features.Progress.MemberTestData.Company(company))
        {
            content.Add(new StringContent(value), key);
        }
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(bytes, "Form.Attachment", "跨節點合約.pdf");
        return content;
    }

    private static (int ProjectId, int PeriodId) ProjectAndPeriod(string progressUrl)
    {
        var parts = progressUrl.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task ExpectedResultsSubmittedAsync(int projectId)
    {
        await using var db = _store.NewContext();
        db.ExpectedResults.Add(new Domain.Forms.ExpectedResults
        {
            ProjectId = projectId, Year = DemoSeeder.Year, State = Domain.Workflow.FormState.Submitted, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<byte[]> PdfAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<int> CachedPdfsAsync()
    {
        await using var db = _store.NewContext();
        return await db.SummaryPdfs.CountAsync();
    }

    private async Task<int> KeyRowsAsync()
    {
        await using var db = _store.NewContext();
        return await db.DataProtectionKeys.CountAsync();
    }

    private async Task ReplaceKeyRingAsync()
    {
        await using var db = _store.NewContext();
        await db.DataProtectionKeys.ExecuteDeleteAsync();
    }

    public void Dispose() => _store.Dispose();
}
