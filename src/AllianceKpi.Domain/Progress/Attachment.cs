namespace AllianceKpi.Domain.Progress;

/// <summary>An uploaded file: kept under a generated key in the file store, downloaded under the user's original name.</summary>
public class Attachment
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string StorageKey { get; set; } = "";
    public string OriginalName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string UploadedByUserId { get; set; } = "";
}
