using System.Net;
using System.Text;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Office.ImportFiles;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>Files refused as a whole, made-up uploads, templates and who may import.</summary>
public sealed class ProjectImportRefusalTests(PortalFactory factory) : IClassFixture<PortalFactory>
{

    [Fact]
    public async Task AFileMissingAColumnNamesIt()
    {
        var csv = Csv(["計畫編號", "計畫名稱", "年度", "主持人", "Email", "學校"], ["M1", "名稱", "2021", "王", "m1@ncku.edu.tw", "成大"]);
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var response = await UploadAsync(client, csv, "missing.csv");
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("缺少欄位：系所。", page.QuerySelector("[data-testid=file-errors]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=confirm-form]"));
    }

    [Fact]
    public async Task ABig5CsvIsAskedToBeSavedAsUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var big5 = Encoding.GetEncoding(950).GetBytes(string.Join(",", Header) + "\r\nG1,名稱,2021,王,g1@ncku.edu.tw,成大,醫工\r\n");
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = PortalClient.Parse(await (await UploadAsync(client, big5, "big5.csv")).Content.ReadAsStringAsync());
        Assert.Contains("請以 UTF-8 編碼儲存 CSV", page.QuerySelector("[data-testid=file-errors]")!.TextContent);
    }

    [Fact]
    public async Task AProgramRenamedXlsxIsRefused()
    {
        var exe = new byte[512];
        exe[0] = 0x4D;
        exe[1] = 0x5A;
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = PortalClient.Parse(await (await UploadAsync(client, exe, "setup.xlsx")).Content.ReadAsStringAsync());
        Assert.Contains("不是有效的 Excel 活頁簿", page.QuerySelector("[data-testid=file-errors]")!.TextContent);
    }

    [Theory]
    [InlineData("list.txt", "僅接受 Excel 活頁簿 (.xlsx) 或 CSV (.csv) 檔案。")]
    [InlineData("empty.csv", "檔案是空的")]
    public async Task OtherFileNamesAndEmptyFilesAreRefused(string fileName, string message)
    {
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var bytes = fileName == "empty.csv" ? [] : Csv(Header);
        var page = PortalClient.Parse(await (await UploadAsync(client, bytes, fileName)).Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[data-testid=file-errors]")!.TextContent);
    }

    [Fact]
    public async Task AFileOverTwoMegabytesIsRefused()
    {
        var big = Csv(Header).Concat(Enumerable.Repeat((byte)'a', 2 * 1024 * 1024)).ToArray();
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = PortalClient.Parse(await (await UploadAsync(client, big, "big.csv")).Content.ReadAsStringAsync());
        Assert.Contains("不可超過 2 MB", page.QuerySelector("[data-testid=file-errors]")!.TextContent);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData("../../keys")]
    public async Task AMissingOrMadeUpUploadIsRefusedWithAMessage(string uploadId)
    {
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var response = await ConfirmAsync(client, uploadId == "" ? Guid.NewGuid().ToString("N") : uploadId);
        Assert.Equal("/office/projects/import", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TemplatesDownloadWithEveryColumn()
    {
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var csv = await client.GetAsync("/office/projects/import/template.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith(string.Join(",", Header), Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        var xlsx = await client.GetAsync("/office/projects/import/template.xlsx");
        var rows = AllianceKpi.Infrastructure.Imports.SpreadsheetReader.Read(await xlsx.Content.ReadAsByteArrayAsync(), AllianceKpi.Infrastructure.Imports.SpreadsheetKind.Xlsx).Rows;
        Assert.Equal(Header, rows[0].Cells);
    }

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task PrincipalInvestigatorsAndAssistantsCannotImport(string email)
    {
        using var client = await factory.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/office/projects/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(client, Csv(Header), "x.csv", tokenPage: "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ConfirmAsync(client, Guid.NewGuid().ToString("N"), tokenPage: "/")).StatusCode);
    }
    [Fact]
    public async Task UploadingWithoutAFileAsksForOne()
    {
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var response = await client.PostMultipartAsync("/office/projects/import", new MultipartFormDataContent(), "/office/projects/import");
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("請選擇要匯入的檔案（.xlsx 或 .csv）。", page.QuerySelector("[data-testid=file-errors]")!.TextContent);
    }
}
