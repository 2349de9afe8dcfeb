namespace AllianceKpi.Infrastructure.Files;

/// <summary>A file written to the store: its generated key, its length in bytes and its SHA-256 (lowercase hex).</summary>
public sealed record StoredFile(string Key, long Length, string Sha256);

/// <summary>Where uploaded files live, under keys the store generates; the user's file name is never part of a path.</summary>
public interface IFileStore
{
    /// <summary>Writes the stream (from its current position) under a new key; the file appears only once it is complete.</summary>
    Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>The stored file for reading, or null when there is none under that key.</summary>
    Stream? OpenRead(string key);

    /// <summary>Removes the file; a key with no file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
