using System.Text.Json;
using AllianceKpi.Infrastructure.Imports;

namespace AllianceKpi.Web.Features.Office.ProjectImport;

/// <summary>An uploaded import file kept between preview and confirm, bound to the account that uploaded it.</summary>
public sealed record StoredUpload(Guid Id, string OwnerId, string FileName, SpreadsheetKind Kind, DateTime UploadedAt, byte[] Content);

/// <summary>
/// Keeps uploaded import files under Storage:Root/imports/{id}/ (the bytes and a small JSON description) for a day. Only the uploader
/// can load one back; anything else reads as "not found".
/// </summary>
public sealed class ImportUploads(string storageRoot, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private const string ContentFile = "upload.bin";
    private const string DescriptionFile = "upload.json";

    private sealed record Description(string OwnerId, string FileName, SpreadsheetKind Kind, DateTime UploadedAt);

    private string Folder => Path.Combine(storageRoot, "imports");

    public async Task<Guid> SaveAsync(byte[] content, string fileName, SpreadsheetKind kind, string ownerId, CancellationToken cancellationToken)
    {
        PurgeExpired();
        var id = Guid.NewGuid();
        var folder = Path.Combine(Folder, id.ToString("N"));
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, ContentFile), content, cancellationToken);
        var description = new Description(ownerId, Path.GetFileName(fileName), kind, clock.GetUtcNow().UtcDateTime);
        await File.WriteAllTextAsync(Path.Combine(folder, DescriptionFile), JsonSerializer.Serialize(description), cancellationToken);
        return id;
    }

    /// <summary>The upload with that id if it exists, has not expired and belongs to <paramref name="ownerId"/>; otherwise null.</summary>
    public async Task<StoredUpload?> LoadAsync(string? id, string ownerId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }
        var folder = Path.Combine(Folder, guid.ToString("N"));
        var descriptionPath = Path.Combine(folder, DescriptionFile);
        var contentPath = Path.Combine(folder, ContentFile);
        if (!File.Exists(descriptionPath) || !File.Exists(contentPath))
        {
            return null;
        }
        var description = JsonSerializer.Deserialize<Description>(await File.ReadAllTextAsync(descriptionPath, cancellationToken));
        if (description is null || description.OwnerId != ownerId || IsExpired(description.UploadedAt))
        {
            return null;
        }
        var content = await File.ReadAllBytesAsync(contentPath, cancellationToken);
        return new StoredUpload(guid, description.OwnerId, description.FileName, description.Kind, description.UploadedAt, content);
    }

    public void Delete(Guid id)
    {
        var folder = Path.Combine(Folder, id.ToString("N"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private bool IsExpired(DateTime uploadedAt) => clock.GetUtcNow().UtcDateTime - uploadedAt > KeepFor;

    private void PurgeExpired()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }
        var cutoff = clock.GetUtcNow().UtcDateTime - KeepFor;
        foreach (var folder in Directory.EnumerateDirectories(Folder))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(folder) < cutoff)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // another request is using it; next time
            }
        }
    }
}
