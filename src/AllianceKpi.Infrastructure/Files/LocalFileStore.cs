using System.Buffers;
using System.Security.Cryptography;

namespace AllianceKpi.Infrastructure.Files;

/// <summary>
/// Files on the local disk under <c>{root}/ab/cd/{key}</c>, the key being 32 random lowercase hex digits. A file is written to
/// <c>{root}/.incoming</c> first (hashing and counting as it goes), flushed, and moved into place, so a reader never sees half a file.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    public const int KeyLength = 32;
    private const int BufferSize = 81920;
    private const string IncomingFolder = ".incoming";

    public LocalFileStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var key = RandomNumberGenerator.GetHexString(KeyLength, lowercase: true);
        var incoming = Path.Combine(Root, IncomingFolder);
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, key + ".part");
        try
        {
            var (length, sha256) = await WriteAsync(content, temporary, cancellationToken);
            var final = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(temporary, final, overwrite: false);
            return new StoredFile(key, length, sha256);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Stream? OpenRead(string key)
    {
        if (!IsKey(key))
        {
            return null;
        }
        try
        {
            return new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        if (IsKey(key))
        {
            File.Delete(PathOf(key));
        }
        return Task.CompletedTask;
    }

    /// <summary>The file's place: two levels of folders from the key's first four digits keep any one folder small.</summary>
    public string PathOf(string key)
    {
        if (!IsKey(key))
        {
            throw new ArgumentException("Not a storage key of this store.", nameof(key));
        }
        return Path.Combine(Root, key[..2], key[2..4], key);
    }

    public static bool IsKey(string? key) => key is { Length: KeyLength } && key.All(char.IsAsciiHexDigitLower);

    private static async Task<(long Length, string Sha256)> WriteAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long length = 0;
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
            return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
