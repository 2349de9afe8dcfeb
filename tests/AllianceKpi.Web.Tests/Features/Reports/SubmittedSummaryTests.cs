using System.Net;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.PdfRendering;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Evaluation.EvaluationTestData;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Reports;

/// <summary>
/// The summaries of a submitted 管考資料 form: frozen at 確定送出 (the PI submits through the form), printed once per status and
/// then served from the database byte for byte; later changes of the data show only once the office returns the form.
/// </summary>
public sealed class SubmittedSummaryTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private const string MemberBefore = "凍結前名稱股份有限公司";
    private const string MemberAfter = "改名後名稱股份有限公司";

    private static string PdfUrl(int projectId, int periodId, string view = "period") => $"/projects/{projectId}/summary/{periodId}.pdf?view={view}";

    private static string PreviewUrl(int projectId, int periodId, string view = "period") => $"/projects/{projectId}/summary/{periodId}?view={view}";

    private static string Review(int projectId, int periodId) => $"/office/review/evaluation/{projectId}/{periodId}";

    /// <summary>A project with one member in the first report period, its 預期成果 submitted, and its 管考資料 submitted by the PI.</summary>
    private async Task<(int ProjectId, int PeriodId, string Number)> SubmittedAsync()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted, e => e.CompanyMembers = 8);
        await factory.WithDbAsync(db => db.Add(Member(projectId, periodId, MemberBefore, new DateOnly(2022, 3, 31))).Context.SaveChangesAsync());
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var submitted = await Evaluation.EvaluationTestData.PostAsync(pi, Url(projectId, periodId), Complete().Set("Form.ConfirmWarnings", "true"), "submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var number = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.Number).SingleAsync());
        return (projectId, periodId, number);
    }

    /// <summary>What changes after the submission: the project's name (office) and the member's name (a correction in the database).</summary>
    private Task RenameAsync(int projectId) =>
        factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            project.Name = "事後改名的計畫";
            var member = await db.AllianceMembers.SingleAsync(m => m.ProjectId == projectId);
            member.CompanyName = MemberAfter;
            await db.SaveChangesAsync();
        });

    private async Task<byte[]> PdfAsync(string url, string email = DemoSeeder.AssistantEmail)
    {
        using var client = await factory.SignedInAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string TextOf(byte[] pdf)
    {
        PopplerTools.EnsureInstalled();
        return PopplerTools.WithoutWhitespace(string.Join("", PopplerTools.PageTexts(pdf, layout: false)));
    }

    [Fact]
    public async Task BothSummariesAreStoredWithTheSubmission()
    {
        var (projectId, periodId, _) = await SubmittedAsync();

        var views = await factory.WithDbAsync(db => db.SubmittedSummaries.AsNoTracking()
            .Where(s => s.Submission!.ProjectId == projectId && s.Submission.ReportingPeriodId == periodId)
            .Select(s => s.View).OrderBy(v => v).ToListAsync());

        Assert.Equal([1, 2], views);
    }

    [Theory]
    [InlineData("period")]
    [InlineData("cumulative")]
    public async Task ASubmittedSummaryIsByteIdenticalOnASecondDownloadAndUnchangedAfterDataEdits(string view)
    {
        var (projectId, periodId, number) = await SubmittedAsync();

        var first = await PdfAsync(PdfUrl(projectId, periodId, view));
        var second = await PdfAsync(PdfUrl(projectId, periodId, view), DemoSeeder.PiEmail);
        await RenameAsync(projectId);
        var afterEdits = await PdfAsync(PdfUrl(projectId, periodId, view));

        Assert.Equal(first, second);
        Assert.Equal(first, afterEdits);
        var text = TextOf(afterEdits);
        Assert.Contains(MemberBefore, text);
        Assert.Contains($"管考測試計畫{number}", text);
        Assert.DoesNotContain(MemberAfter, text);
        Assert.Contains("已送出", text);
        Assert.DoesNotContain("草稿", text);
    }

    [Fact]
    public async Task ThePreviewOfASubmittedFormShowsTheSubmittedDataAndAReturnedFormShowsTheLiveData()
    {
        var (projectId, periodId, number) = await SubmittedAsync();
        await RenameAsync(projectId);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var frozen = await assistant.GetPageAsync(PreviewUrl(projectId, periodId));
        using (var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail))
        {
            var returned = await office.PostFormAsync($"{Review(projectId, periodId)}/return", new { Reason = "請補充會員說明。" }, Review(projectId, periodId));
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }
        var live = await assistant.GetPageAsync(PreviewUrl(projectId, periodId));
        var livePdf = TextOf(await PdfAsync(PdfUrl(projectId, periodId)));

        Assert.Contains($"管考測試計畫{number}", frozen.QuerySelector("[data-testid=summary-header]")!.TextContent);
        Assert.Contains(MemberBefore, frozen.QuerySelector("[data-testid=entries-1]")!.TextContent);
        Assert.Null(frozen.QuerySelector(".watermark"));
        Assert.Contains("事後改名的計畫", live.QuerySelector("[data-testid=summary-header]")!.TextContent);
        Assert.Contains(MemberAfter, live.QuerySelector("[data-testid=entries-1]")!.TextContent);
        Assert.NotNull(live.QuerySelector(".watermark"));
        Assert.Contains(MemberAfter, livePdf);
        Assert.Contains("草稿", livePdf);
    }

    [Fact]
    public async Task AcceptanceGivesANewStableFileMarkedConfirmed()
    {
        var (projectId, periodId, _) = await SubmittedAsync();
        var submitted = await PdfAsync(PdfUrl(projectId, periodId));
        using (var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail))
        {
            var accepted = await office.PostFormAsync($"{Review(projectId, periodId)}/accept", new { }, Review(projectId, periodId));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var first = await PdfAsync(PdfUrl(projectId, periodId));
        var second = await PdfAsync(PdfUrl(projectId, periodId));

        Assert.NotEqual(submitted, first);
        Assert.Equal(first, second);
        var text = TextOf(first);
        Assert.Contains("已確認", text);
        Assert.DoesNotContain("已送出", text);
        var cached = await factory.WithDbAsync(db => db.SummaryPdfs.AsNoTracking()
            .Where(p => p.FormSubmissionId == db.FormSubmissions.Single(s => s.ProjectId == projectId && s.ReportingPeriodId == periodId).Id)
            .Select(p => p.Status).OrderBy(s => s).ToListAsync());
        Assert.Equal(["已確認", "已送出"], cached.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task ACachedCumulativeSummaryIsStillRefusedOnceTheExpectedResultsAreReturned()
    {
        var (projectId, periodId, _) = await SubmittedAsync();
        await PdfAsync(PdfUrl(projectId, periodId, "cumulative"));
        await factory.WithDbAsync(async db =>
        {
            (await db.ExpectedResults.SingleAsync(e => e.ProjectId == projectId)).State = FormState.Returned;
            await db.SaveChangesAsync();
        });
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var refused = await assistant.GetAsync(PdfUrl(projectId, periodId, "cumulative"));

        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("預期成果尚未確定送出，無法下載累計綜整表。", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Personas.OtherPiEmail, true)]
    [InlineData(Personas.OtherPiEmail, false)]
    [InlineData(Personas.OtherAssistantEmail, true)]
    public async Task AnotherProjectsPeopleCannotHaveASubmittedSummary(string email, bool asPdf)
    {
        await Personas.EnsureAsync(factory);
        var (projectId, periodId, _) = await SubmittedAsync();
        using var client = await factory.SignedInAsync(email);

        var response = await client.GetAsync(asPdf ? PdfUrl(projectId, periodId) : PreviewUrl(projectId, periodId));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private string PdfFilesRoot => Path.Combine(factory.StorageRoot, "cache", "summary-pdfs");

    /// <summary>The stored row of the period summary of the project's submission: its bytes and hash.</summary>
    private Task<(byte[] Content, string Sha256)> StoredRowAsync(int projectId, int periodId) =>
        factory.WithDbAsync(async db =>
        {
            var row = await db.SummaryPdfs.AsNoTracking()
                .Where(p => db.FormSubmissions.Any(s => s.Id == p.FormSubmissionId && s.ProjectId == projectId && s.ReportingPeriodId == periodId)
                            && p.View == 1)
                .Select(p => new { p.Content, p.Sha256 }).SingleAsync();
            return (row.Content, row.Sha256);
        });

    [Fact]
    public async Task ACachedSummaryIsKeptAsAFileNamedByItsHashAndServedFromIt()
    {
        var (projectId, periodId, _) = await SubmittedAsync();
        await PdfAsync(PdfUrl(projectId, periodId)); // prints and stores the row
        var (content, sha256) = await StoredRowAsync(projectId, periodId);
        var file = Path.Combine(PdfFilesRoot, sha256 + ".pdf");
        Assert.False(File.Exists(file));

        var cached = await PdfAsync(PdfUrl(projectId, periodId));

        Assert.Equal(content, cached);
        Assert.Equal(content, await File.ReadAllBytesAsync(file));
        Assert.Empty(Directory.GetFiles(PdfFilesRoot, "*.building"));
        // Served from the file from now on: the row alone no longer decides the bytes (the file is the same bytes by its name).
        await File.WriteAllBytesAsync(file, [.. content, .. "%marker"u8.ToArray()]);
        Assert.EndsWith("%marker", System.Text.Encoding.ASCII.GetString(await PdfAsync(PdfUrl(projectId, periodId))));
    }

    [Fact]
    public async Task ARowWhoseBytesDoNotMatchItsHashIsServedFromTheDatabaseAndNotKeptAsAFile()
    {
        var (projectId, periodId, _) = await SubmittedAsync();
        await PdfAsync(PdfUrl(projectId, periodId));
        var (content, sha256) = await StoredRowAsync(projectId, periodId);
        byte[] damaged = [.. content.AsSpan(0, content.Length - 1), (byte)(content[^1] ^ 0xFF)];
        await factory.WithDbAsync(async db =>
        {
            var row = await db.SummaryPdfs.SingleAsync(p => p.Sha256 == sha256);
            row.Content = damaged;
            await db.SaveChangesAsync();
        });

        var served = await PdfAsync(PdfUrl(projectId, periodId));

        Assert.Equal(damaged, served);
        Assert.False(File.Exists(Path.Combine(PdfFilesRoot, sha256 + ".pdf")));
        Assert.Empty(Directory.Exists(PdfFilesRoot) ? Directory.GetFiles(PdfFilesRoot, "*.building") : []);
    }

    [Fact]
    public async Task AnUnwritableFileFolderStillServesTheStoredPdf()
    {
        var (projectId, periodId, _) = await SubmittedAsync();
        await PdfAsync(PdfUrl(projectId, periodId));
        var (content, sha256) = await StoredRowAsync(projectId, periodId);
        // A plain file where the folder should be: creating the folder fails, whoever the tests run as.
        var aside = PdfFilesRoot + "-aside";
        if (Directory.Exists(PdfFilesRoot))
        {
            Directory.Move(PdfFilesRoot, aside);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(PdfFilesRoot)!);
        await File.WriteAllTextAsync(PdfFilesRoot, "not a folder");
        try
        {
            var served = await PdfAsync(PdfUrl(projectId, periodId));

            Assert.Equal(content, served);
            Assert.Equal("not a folder", await File.ReadAllTextAsync(PdfFilesRoot));
        }
        finally
        {
            File.Delete(PdfFilesRoot);
            if (Directory.Exists(aside))
            {
                Directory.Move(aside, PdfFilesRoot);
            }
        }
        Assert.False(File.Exists(Path.Combine(PdfFilesRoot, sha256 + ".pdf")));
    }
}
