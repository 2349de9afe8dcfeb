using System.Globalization;
using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Progress;

/// <summary>A kind of file an entry may carry: its extension, the content type it is served with and the bytes it must start with.</summary>
public sealed record UploadKind(string Extension, string ContentType, byte[] Signature);

/// <summary>
/// The rules an attachment must meet (PRODUCT section 5): a document, image or archive whose name AND first bytes agree,
/// not empty, at most <see cref="Attachment.MaxBytes"/>. Also cleans the user's file name for keeping.
/// </summary>
public static class UploadCheck
{
    public const string Field = "Attachment";

    /// <summary>How many leading bytes <see cref="Check"/> needs to recognise every kind.</summary>
    public const int HeadLength = 8;

    public const string NotAllowedMessage = "僅限上傳文件、圖片及壓縮檔（pdf、doc、docx、xls、xlsx、odt、jpg、png、zip、7z、rar）";
    public const string MismatchMessage = "檔案內容與副檔名不符";
    public const string EmptyMessage = "檔案是空的";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] SevenZip = [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C];
    private static readonly byte[] Rar = [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07];

    public static IReadOnlyList<UploadKind> Kinds { get; } =
    [
        new(".pdf", "application/pdf", Pdf),
        new(".doc", "application/msword", Ole),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        new(".xls", "application/vnd.ms-excel", Ole),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        new(".odt", "application/vnd.oasis.opendocument.text", Zip),
        new(".jpg", "image/jpeg", Jpeg),
        new(".jpeg", "image/jpeg", Jpeg),
        new(".png", "image/png", Png),
        new(".zip", "application/zip", Zip),
        new(".7z", "application/x-7z-compressed", SevenZip),
        new(".rar", "application/vnd.rar", Rar),
    ];

    /// <summary>For an input's accept attribute: ".pdf,.doc,…".</summary>
    public static string AcceptAttribute { get; } = string.Join(",", Kinds.Select(k => k.Extension));

    /// <summary>Checks a file by its name, its length and its first bytes (at least <see cref="HeadLength"/> when the file is that long).</summary>
    public static IReadOnlyList<DomainViolation> Check(string? fileName, long length, ReadOnlySpan<byte> head, string field = Field)
    {
        var kind = KindOf(fileName);
        if (kind is null)
        {
            return [new(field, NotAllowedMessage)];
        }
        if (length <= 0)
        {
            return [new(field, EmptyMessage)];
        }
        if (length > Attachment.MaxBytes)
        {
            return [new(field, TooBigMessage(length))];
        }
        if (!head.StartsWith(kind.Signature))
        {
            return [new(field, MismatchMessage)];
        }
        return [];
    }

    /// <summary>「檔案大小限制10MB，上傳的檔案為 12.3MB」: the size rounded up to a tenth of a MB, so 10 MB and one byte reads 10.1MB.</summary>
    public static string TooBigMessage(long length)
    {
        var tenths = Math.Ceiling(length * 10.0 / (1024 * 1024)) / 10;
        var limit = Attachment.MaxBytes / (1024 * 1024);
        return $"檔案大小限制{limit}MB，上傳的檔案為 {tenths.ToString("0.0", CultureInfo.InvariantCulture)}MB";
    }

    /// <summary>The allowed kind named by the file's extension (case ignored), or null.</summary>
    public static UploadKind? KindOf(string? fileName)
    {
        var extension = ExtensionOf(CleanName(fileName));
        return Kinds.FirstOrDefault(k => string.Equals(k.Extension, extension, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The name kept for download: the user's own (Chinese, spaces, #, %, +, commas stay), without any folder part (/ or \),
    /// control or bidirectional-override characters, and at most <see cref="ProgressFieldLengths.FileName"/> characters with the extension kept.
    /// </summary>
    public static string CleanName(string? fileName)
    {
        var name = fileName ?? "";
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
        {
            name = name[(lastSeparator + 1)..];
        }
        name = new string(name.Where(c => !char.IsControl(c) && !IsBidiControl(c)).ToArray()).Trim();
        return Shorten(name, ProgressFieldLengths.FileName);
    }

    private static string Shorten(string name, int max)
    {
        if (name.Length <= max)
        {
            return name;
        }
        var extension = ExtensionOf(name);
        if (extension.Length >= max / 2)
        {
            extension = "";
        }
        var keep = max - extension.Length;
        if (char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }
        return name[..keep] + extension;
    }

    private static string ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[dot..];
    }

    /// <summary>U+202A–U+202E and U+2066–U+2069 can make "gpj.exe" display as "exe.jpg".</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
