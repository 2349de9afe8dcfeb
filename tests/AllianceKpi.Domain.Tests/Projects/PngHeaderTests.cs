using System.Text;
using AllianceKpi.Domain.Projects;

namespace AllianceKpi.Domain.Tests.Projects;

public sealed class PngHeaderTests
{
    /// <summary>Real PNG files written by Python's zlib (an independent CRC and deflate), 222×112 and 1×1 pixels.</summary>
    private const string Banner222By112 =
        "iVBORw0KGgoAAAANSUhEUgAAAN4AAABwCAIAAAD+E1l+AAAA6ElEQVR42u3SAQkAAAgEsY9gBCPYP501BAdLcFyqBw6KBFgTrIk1wZpYE6wJ1sSaYE2sCdYEa2JNsCbWBGtiTbAmWBNrgjWxJlgTrIk1wZpYE6yJNcGaYE2sCdbEmmBNsCbWBGtiTbAm1lQBa4I1sSZYE2uCNcGaWBOsiTXBmmBNrAnWxJpgTawJ1gRrYk2wJtYEa4I1sSZYE2uCNbEmWBOsiTXBmlgTrAnWxJpgTawJ1sSaKmBNsCbWBGtiTbAmWBNrgjWxJlgTrIk1wZpYE6yJNcGaYE2sCdbEmmBNsCbWBGtiTbAmXy1SFm4dloBolgAAAABJRU5ErkJggg==";

    private const string OnePixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mMQUDAAAACkAGEKm67eAAAAAElFTkSuQmCC";

    private static byte[] Bytes(string base64) => Convert.FromBase64String(base64);

    [Theory]
    [InlineData(Banner222By112, 222, 112)]
    [InlineData(OnePixel, 1, 1)]
    public void ReadsTheSizeOfARealPng(string base64, int width, int height)
    {
        Assert.True(PngHeader.TryRead(Bytes(base64), out var w, out var h));
        Assert.Equal((width, height), (w, h));
    }

    public static TheoryData<string, byte[]> NotPngs => new()
    {
        { "empty", [] },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, .. new byte[40]] },
        { "text renamed to .png", Encoding.UTF8.GetBytes("這是一個改了副檔名的文字檔，不是 PNG 圖片。") },
        { "signature only", Bytes(OnePixel)[..8] },
        { "cut inside IHDR", Bytes(OnePixel)[..30] },
        { "GIF", [.. "GIF89a"u8, .. new byte[40]] },
    };

    [Theory]
    [MemberData(nameof(NotPngs))]
    public void RefusesWhatIsNotAPng(string what, byte[] content)
    {
        Assert.False(PngHeader.TryRead(content, out var w, out var h), what);
        Assert.Equal((0, 0), (w, h));
    }

    [Fact]
    public void RefusesAPngWhoseHeaderChecksumDoesNotMatch()
    {
        var tampered = Bytes(Banner222By112);
        tampered[19] = 0xFF; // width changed, CRC left as it was
        Assert.False(PngHeader.TryRead(tampered, out _, out _));
    }

    [Fact]
    public void RefusesAFirstChunkOtherThanIhdr()
    {
        var renamed = Bytes(OnePixel);
        "IHDX"u8.CopyTo(renamed.AsSpan(12));
        Assert.False(PngHeader.TryRead(renamed, out _, out _));
    }

    [Fact]
    public void RefusesZeroWidth()
    {
        var bytes = Bytes(OnePixel);
        bytes[16] = bytes[17] = bytes[18] = bytes[19] = 0;
        var crc = Crc32.Compute(bytes.AsSpan(12, 17));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), crc);
        Assert.False(PngHeader.TryRead(bytes, out _, out _));
    }

    [Fact]
    public void Crc32GivesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }
}

public sealed class BannerUploadTests
{
    private static string OnlyMessage(ReadOnlySpan<byte> content)
    {
        var violation = Assert.Single(BannerUpload.Check(content));
        Assert.Equal(BannerUpload.Field, violation.Field);
        return violation.Message;
    }

    [Fact]
    public void A222By112PngUnderTheLimitPasses()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAN4AAABwCAIAAAD+E1l+AAAA6ElEQVR42u3SAQkAAAgEsY9gBCPYP501BAdLcFyqBw6KBFgTrIk1wZpYE6wJ1sSaYE2sCdYEa2JNsCbWBGtiTbAmWBNrgjWxJlgTrIk1wZpYE6yJNcGaYE2sCdbEmmBNsCbWBGtiTbAm1lQBa4I1sSZYE2uCNcGaWBOsiTXBmmBNrAnWxJpgTawJ1gRrYk2wJtYEa4I1sSZYE2uCNbEmWBOsiTXBmlgTrAnWxJpgTawJ1sSaKmBNsCbWBGtiTbAmWBNrgjWxJlgTrIk1wZpYE6yJNcGaYE2sCdbEmmBNsCbWBGtiTbAmXy1SFm4dloBolgAAAABJRU5ErkJggg==");
        Assert.Empty(BannerUpload.Check(png));
    }

    [Fact]
    public void AnotherSizeIsRefusedWithTheSizeUploaded()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mMQUDAAAACkAGEKm67eAAAAAElFTkSuQmCC");
        Assert.Equal("Banner 尺寸必須為 222×112 像素（上傳的是 1×1）。", OnlyMessage(png));
    }

    [Fact]
    public void NotAPngIsRefused() => Assert.StartsWith("Banner 必須是 PNG 檔", OnlyMessage("GIF89a-and-more-bytes-to-pass-the-minimum-length"u8));

    [Fact]
    public void EmptyFileIsRefused() => Assert.StartsWith("請選擇要上傳的 Banner 檔案", OnlyMessage([]));

    [Fact]
    public void OverTheLimitIsRefusedBeforeAnythingElse() =>
        Assert.StartsWith("檔案過大", OnlyMessage(new byte[AllianceBanner.MaxBytes + 1]));
}
