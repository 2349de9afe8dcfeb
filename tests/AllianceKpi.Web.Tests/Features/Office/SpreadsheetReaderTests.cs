using System.IO.Compression;
using System.Text;
using AllianceKpi.Infrastructure.Imports;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class SpreadsheetReaderTests
{
    [Fact]
    public void XlsxSharedStringsNumbersAndSkippedCellsAreReadByColumnLetter()
    {
        var bytes = TestWorkbook.Build(
        [
            ["計畫編號", "年度", "主持人"],
            ["P1", 2021, "王大明"],
            ["P2", null, "陳小華"],
            ["P3", 110.0, null],
        ]);
        var content = SpreadsheetReader.Read(bytes, SpreadsheetKind.Xlsx);
        Assert.Equal(SpreadsheetProblem.None, content.Problem);
        Assert.Equal([1, 2, 3, 4], content.Rows.Select(r => r.RowNumber));
        Assert.Equal(["P1", "2021", "王大明"], content.Rows[1].Cells);
        Assert.Equal(["P2", "", "陳小華"], content.Rows[2].Cells);
        Assert.Equal(["P3", "110"], content.Rows[3].Cells);
    }

    [Fact]
    public void XlsxRowNumbersFollowTheSheetWhenItStartsLower()
    {
        var content = SpreadsheetReader.Read(TestWorkbook.Build([["計畫編號"], ["P1"]], firstRowNumber: 3), SpreadsheetKind.Xlsx);
        Assert.Equal([3, 4], content.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public void TheTemplateWorkbookWithInlineStringsReadsBack()
    {
        var bytes = SpreadsheetWriter.Xlsx("範本", [["計畫編號", "計畫名稱"], ["P1", "智慧醫材"]]);
        var content = SpreadsheetReader.Read(bytes, SpreadsheetKind.Xlsx);
        Assert.Equal(["P1", "智慧醫材"], content.Rows[1].Cells);
    }

    [Fact]
    public void ColumnLettersBeyondZAreUnderstood()
    {
        Assert.Equal("AA", SpreadsheetWriter.ColumnName(26));
        Assert.Equal("A", SpreadsheetWriter.ColumnName(0));
        Assert.Equal("AZ", SpreadsheetWriter.ColumnName(51));
    }

    [Fact]
    public void CsvWithBomQuotesAndLineBreaksKeepsOneRowPerRecord()
    {
        var text = "\uFEFF計畫編號,計畫名稱\r\nP1,\"智慧, 醫材\"\r\nP2,\"兩行\n名稱\"\r\nP3,最後\r\n";
        var content = SpreadsheetReader.Read(Encoding.UTF8.GetBytes(text), SpreadsheetKind.Csv);
        Assert.Equal(SpreadsheetProblem.None, content.Problem);
        Assert.Equal("計畫編號", content.Rows[0].Cells[0]);
        Assert.Equal(["P1", "智慧, 醫材"], content.Rows[1].Cells);
        Assert.Equal(["P2", "兩行\n名稱"], content.Rows[2].Cells);
        Assert.Equal(4, content.Rows.Single(r => r.Cells[0] == "P3").RowNumber);
    }

    [Fact]
    public void TheCsvTemplateReadsBack()
    {
        var bytes = SpreadsheetWriter.Csv([["計畫編號", "Email"], ["P1", "a@b.tw"]]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Equal(["P1", "a@b.tw"], SpreadsheetReader.Read(bytes, SpreadsheetKind.Csv).Rows[1].Cells);
    }

    [Fact]
    public void Big5CsvIsRecognisedAsNotUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var big5 = Encoding.GetEncoding(950).GetBytes("計畫編號,計畫名稱\r\nP1,智慧醫材\r\n");
        Assert.Equal(SpreadsheetProblem.NotUtf8, SpreadsheetReader.Read(big5, SpreadsheetKind.Csv).Problem);
    }

    [Fact]
    public void BinaryContentNamedCsvIsNotText()
    {
        Assert.Equal(SpreadsheetProblem.NotText, SpreadsheetReader.Read([0x4D, 0x5A, 0x90, 0x00, 0x03], SpreadsheetKind.Csv).Problem);
    }

    [Fact]
    public void AProgramRenamedXlsxIsNotAWorkbook()
    {
        Assert.Equal(SpreadsheetProblem.NotAWorkbook, SpreadsheetReader.Read([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], SpreadsheetKind.Xlsx).Problem);
    }

    [Fact]
    public void AZipThatIsNoWorkbookIsNotAWorkbook()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }
        Assert.Equal(SpreadsheetProblem.NotAWorkbook, SpreadsheetReader.Read(stream.ToArray(), SpreadsheetKind.Xlsx).Problem);
    }

    [Theory]
    [InlineData("清單.xlsx", SpreadsheetKind.Xlsx)]
    [InlineData("LIST.CSV", SpreadsheetKind.Csv)]
    [InlineData("list.xls", null)]
    [InlineData("list.exe", null)]
    [InlineData("", null)]
    public void TheKindComesFromTheFileName(string name, SpreadsheetKind? kind) => Assert.Equal(kind, SpreadsheetReader.KindOf(name));
}
