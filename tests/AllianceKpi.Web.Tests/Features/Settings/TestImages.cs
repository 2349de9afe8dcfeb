using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AllianceKpi.Web.Tests.Features.Settings;

/// <summary>Real image files written in code: a minimal PNG (signature, IHDR, one zlib IDAT, IEND) and the start of a JPEG.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height, byte red = 11, byte green = 79, byte blue = 138)
    {
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", Pixels(width, height, red, green, blue));
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>A JPEG's opening bytes (SOI + JFIF APP0): what a .jpg renamed to .png starts with.</summary>
    public static byte[] Jpeg() =>
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
         .. new byte[64], 0xFF, 0xD9];

    public static byte[] Text() => Encoding.UTF8.GetBytes("這不是圖片，只是改了副檔名的文字檔。\nThis is a text file renamed to banner.png.\n");

    private static byte[] Pixels(int width, int height, byte red, byte green, byte blue)
    {
        var raw = new byte[height * (1 + (width * 3))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 3));
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + (x * 3)] = red;
                raw[row + 2 + (x * 3)] = (byte)(green + y);
                raw[row + 3 + (x * 3)] = blue;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typed));
        file.Write(number);
    }

    /// <summary>CRC-32 written bit by bit (no table), independent of the portal's own implementation.</summary>
    private static uint Crc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
