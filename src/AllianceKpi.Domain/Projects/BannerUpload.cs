using System.Buffers.Binary;
using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Projects;

/// <summary>The rules an uploaded alliance banner must meet: a real PNG of exactly 222×112 pixels, at most <see cref="AllianceBanner.MaxBytes"/>.</summary>
public static class BannerUpload
{
    public const string Field = "Banner";

    public static IReadOnlyList<DomainViolation> Check(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return [new(Field, "請選擇要上傳的 Banner 檔案（PNG，222×112 像素）。")];
        }
        if (content.Length > AllianceBanner.MaxBytes)
        {
            return TooLarge(content.Length);
        }
        if (!PngHeader.TryRead(content, out var width, out var height))
        {
            return [new(Field, "Banner 必須是 PNG 檔（副檔名改成 .png 的其他格式檔案無法使用）。")];
        }
        if (width != AllianceBanner.Width || height != AllianceBanner.Height)
        {
            return [new(Field, $"Banner 尺寸必須為 {AllianceBanner.Width}×{AllianceBanner.Height} 像素（上傳的是 {width}×{height}）。")];
        }
        return [];
    }

    /// <summary>For a file refused before it is read: its size alone is over the limit.</summary>
    public static IReadOnlyList<DomainViolation> TooLarge(long length) =>
        [new(Field, $"檔案過大（{KiloBytes(length)} KB），Banner 檔案上限為 {AllianceBanner.MaxBytes / 1024} KB。")];

    private static long KiloBytes(long length) => (length + 1023) / 1024;
}

/// <summary>Reads a PNG's pixel size from its signature and IHDR chunk (the first chunk, checksum verified). No image library needed.</summary>
public static class PngHeader
{
    /// <summary>Signature (8) + IHDR length (4) + type (4) + data (13) + CRC (4).</summary>
    public const int MinimumLength = 33;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(ReadOnlySpan<byte> content) =>
        content.Length >= Signature.Length && content[..Signature.Length].SequenceEqual(Signature);

    public static bool TryRead(ReadOnlySpan<byte> content, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (content.Length < MinimumLength || !HasSignature(content))
        {
            return false;
        }
        var chunkLength = BinaryPrimitives.ReadUInt32BigEndian(content[8..12]);
        if (chunkLength != 13 || !content[12..16].SequenceEqual("IHDR"u8))
        {
            return false;
        }
        if (BinaryPrimitives.ReadUInt32BigEndian(content[29..33]) != Crc32.Compute(content[12..29]))
        {
            return false;
        }
        var w = BinaryPrimitives.ReadUInt32BigEndian(content[16..20]);
        var h = BinaryPrimitives.ReadUInt32BigEndian(content[20..24]);
        if (w is 0 or > int.MaxValue || h is 0 or > int.MaxValue)
        {
            return false;
        }
        width = (int)w;
        height = (int)h;
        return true;
    }
}

/// <summary>The CRC-32 of PNG chunks (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320).</summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
