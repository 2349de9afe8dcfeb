using System.Text;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Tests.Progress;

public sealed class UploadCheckTests
{
    private static readonly byte[] PdfHead = "%PDF-1.7\n"u8.ToArray();
    private static readonly byte[] OleHead = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00];
    private static readonly byte[] ZipHead = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
    private static readonly byte[] JpegHead = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46];
    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] SevenZipHead = [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04];
    private static readonly byte[] RarHead = [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07, 0x01, 0x00];
    private static readonly byte[] ExeHead = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    public static TheoryData<string, byte[], string> AcceptedKinds => new()
    {
        { "成果報告.pdf", PdfHead, "application/pdf" },
        { "會員合約.doc", OleHead, "application/msword" },
        { "會員合約.DOCX", ZipHead, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "收入.xls", OleHead, "application/vnd.ms-excel" },
        { "收入.xlsx", ZipHead, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "說明.odt", ZipHead, "application/vnd.oasis.opendocument.text" },
        { "照片.jpg", JpegHead, "image/jpeg" },
        { "照片.JPEG", JpegHead, "image/jpeg" },
        { "截圖.png", PngHead, "image/png" },
        { "全部.zip", ZipHead, "application/zip" },
        { "全部.7z", SevenZipHead, "application/x-7z-compressed" },
        { "全部.rar", RarHead, "application/vnd.rar" },
    };

    [Theory]
    [MemberData(nameof(AcceptedKinds))]
    public void EachAllowedKindIsAcceptedWhenItsContentHasTheRightSignature(string name, byte[] head, string contentType)
    {
        Assert.Empty(UploadCheck.Check(name, 1234, head));
        Assert.Equal(contentType, UploadCheck.KindOf(name)?.ContentType);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("script.js")]
    [InlineData("page.html")]
    [InlineData("報告")]
    [InlineData("報告.pdf.exe")]
    public void AFileOfAnotherKindIsRefusedByItsExtension(string name)
    {
        var violation = Assert.Single(UploadCheck.Check(name, 1234, PdfHead));
        Assert.Equal(UploadCheck.NotAllowedMessage, violation.Message);
        Assert.Equal("僅限上傳文件、圖片及壓縮檔（pdf、doc、docx、xls、xlsx、odt、jpg、png、zip、7z、rar）", violation.Message);
    }

    [Theory]
    [InlineData("合約.pdf")]
    [InlineData("照片.jpg")]
    [InlineData("會員.docx")]
    [InlineData("全部.zip")]
    public void ARenamedProgramIsRefusedByItsContent(string name)
    {
        var violation = Assert.Single(UploadCheck.Check(name, 4096, ExeHead));
        Assert.Equal("檔案內容與副檔名不符", violation.Message);
    }

    [Theory]
    [InlineData("合約.pdf", "png")]
    [InlineData("照片.png", "jpg")]
    [InlineData("會員.doc", "zip")]
    [InlineData("會員.docx", "ole")]
    [InlineData("全部.rar", "7z")]
    [InlineData("全部.7z", "rar")]
    public void ContentOfAnotherAllowedKindIsRefusedAsAMismatch(string name, string actual)
    {
        var head = actual switch
        {
            "png" => PngHead,
            "jpg" => JpegHead,
            "zip" => ZipHead,
            "ole" => OleHead,
            "7z" => SevenZipHead,
            _ => RarHead,
        };
        Assert.Equal(UploadCheck.MismatchMessage, Assert.Single(UploadCheck.Check(name, 4096, head)).Message);
    }

    [Fact]
    public void AFileShorterThanItsSignatureIsAMismatch()
    {
        Assert.Equal(UploadCheck.MismatchMessage, Assert.Single(UploadCheck.Check("a.pdf", 3, "%PD"u8)).Message);
    }

    [Fact]
    public void AFileOfTenMegabytesIsAcceptedAndOneByteMoreIsRefusedWithItsSize()
    {
        Assert.Empty(UploadCheck.Check("大檔.pdf", Attachment.MaxBytes, PdfHead));
        var violation = Assert.Single(UploadCheck.Check("大檔.pdf", Attachment.MaxBytes + 1, PdfHead));
        Assert.Equal("檔案大小限制10MB，上傳的檔案為 10.1MB", violation.Message);
    }

    [Fact]
    public void TheSizeIsShownInMegabytesWithOneDecimal()
    {
        Assert.Equal("檔案大小限制10MB，上傳的檔案為 12.3MB", UploadCheck.TooBigMessage((long)(12.25 * 1024 * 1024) + 1));
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var violation = Assert.Single(UploadCheck.Check("空的.pdf", 0, ReadOnlySpan<byte>.Empty, field: "Form.File"));
        Assert.Equal("檔案是空的", violation.Message);
        Assert.Equal("Form.File", violation.Field);
    }

    [Theory]
    [InlineData("會員合約 2021#1 100%.pdf", "會員合約 2021#1 100%.pdf")]
    [InlineData("a+b,c.docx", "a+b,c.docx")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData(@"C:\Users\王小明\Desktop\合約.pdf", "合約.pdf")]
    [InlineData("合\u0000約\r\n.pdf", "合約.pdf")]
    [InlineData("photo\u202Egpj.exe", "photogpj.exe")]
    [InlineData("  空白 在中間.pdf  ", "空白 在中間.pdf")]
    public void TheNameIsKeptAsTypedWithoutFoldersOrControlCharacters(string given, string kept)
    {
        Assert.Equal(kept, UploadCheck.CleanName(given));
    }

    [Fact]
    public void ALongNameIsCutTo255CharactersKeepingTheExtension()
    {
        var name = new string('長', 300) + ".xlsx";
        var kept = UploadCheck.CleanName(name);
        Assert.Equal(255, kept.Length);
        Assert.EndsWith("長.xlsx", kept);
    }

    [Fact]
    public void ALongNameIsNotCutInsideASurrogatePair()
    {
        var name = new StringBuilder().Insert(0, "😀", 200).Append(".pdf").ToString();
        var kept = UploadCheck.CleanName(name);
        Assert.Equal(254, kept.Length);
        Assert.EndsWith("😀.pdf", kept);
        Assert.False(char.IsHighSurrogate(kept[^5]));
    }

    [Fact]
    public void TheAcceptAttributeListsEveryExtension()
    {
        Assert.Equal(".pdf,.doc,.docx,.xls,.xlsx,.odt,.jpg,.jpeg,.png,.zip,.7z,.rar", UploadCheck.AcceptAttribute);
    }
}
