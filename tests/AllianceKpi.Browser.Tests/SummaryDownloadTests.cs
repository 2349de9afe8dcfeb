using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

/// <summary>The PI opens the 季綜整表 preview from the 管考資料 form and downloads the PDF, as filed.</summary>
public sealed class SummaryDownloadTests(ProgressBrowserHost host) : BrowserTest(host), IClassFixture<ProgressBrowserHost>
{
    private const string Company = "綜整下載精密股份有限公司";

    private Task MemberAsync() => Host.WithDbAsync(async db =>
    {
        var projectId = await db.Projects.Where(p => p.Number == DemoSeeder.ProjectNumber).Select(p => p.Id).SingleAsync();
        var periodId = await db.ReportingPeriods
            .Where(p => p.ProgrammeYear!.Year == DemoSeeder.Year && p.Kind == Domain.Calendar.ReportingPeriodKind.FirstReport)
            .Select(p => p.Id).SingleAsync();
        db.AllianceMembers.Add(new AllianceMember
        {
            ProjectId = projectId, ReportingPeriodId = periodId, Type = MemberType.Company, Basis = MembershipBasis.Contract,
            IndustryCode = "C19", IsPaying = true, Region = Region.South, CompanyName = Company, Representative = "陳大文", City = "臺南市",
            Street = "中西區民生路1號", Phone = "06-1234567", ContractStart = new DateOnly(2021, 3, 1), ContractEnd = new DateOnly(2021, 12, 31),
            CapitalBand = "101~500萬元", EmployeeBand = "經常雇用員工數5~29人", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    });

    [Fact]
    public Task ThePiPreviewsTheQuarterSummaryAndDownloadsItsPdf() => ScenarioAsync(async () =>
    {
        await MemberAsync();
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.PiEmail, DemoSeeder.Password);
        await new EvaluationPage(page).OpenAsync(DemoSeeder.ProjectNumber);

        var summary = new SummaryPage(page);
        await summary.OpenFromFormAsync("季綜整表");
        await Assertions.Expect(summary.Title).ToHaveTextAsync("2021年產學小聯盟季綜整表");
        await Assertions.Expect(summary.Header).ToContainTextAsync(DemoSeeder.ProjectNumber);
        await Assertions.Expect(page.GetByTestId("entries-1")).ToContainTextAsync(Company);
        await Assertions.Expect(summary.Watermark).ToHaveCountAsync(1);

        var (fileName, pdf) = await summary.DownloadPdfAsync();

        Assert.Equal($"{DemoSeeder.ProjectNumber}_2021第一次(3)_季綜整表.pdf", fileName);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = SummaryPage.TextOf(pdf);
        Assert.Contains(DemoSeeder.ProjectNumber, text);
        Assert.Contains(Company, text.Replace(" ", "", StringComparison.Ordinal));
        Assert.DoesNotContain("下載 PDF", text);
    });
}
