using System.Buffers;
using System.Security.Cryptography;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// Stored summary PDFs as files named by their SHA-256 (Storage:Root/cache/summary-pdfs/{sha256}.pdf), so a cached download
/// is sent from disk without holding the PDF in the process's memory (docs/performance.md, round 4). The database stays the
/// record: a file is written from its row the first time the row is downloaded, published under its name only when the bytes'
/// hash matches the row's, and never changed afterwards — the same name always means the same bytes, on every node, so
/// nothing has to be invalidated. When the folder cannot be written (a full disk, no permission), the download is served
/// from the database as before.
/// </summary>
public sealed class SummaryPdfFiles(string root, ILogger<SummaryPdfFiles> logger)
{
    public string Root { get; } = root;

    /// <summary>
    /// The file of <paramref name="pdf"/>, written from its row first when there is none; null when the row is gone, its hash
    /// is not a SHA-256, its bytes do not match the hash, or the file cannot be written.
    /// </summary>
    public async Task<string?> PathAsync(AppDbContext db, CachedSummaryPdf pdf, CancellationToken cancellationToken)
    {
        if (!IsSha256(pdf.Sha256))
        {
            return null;
        }
        var path = Path.Combine(Root, pdf.Sha256 + ".pdf");
        if (File.Exists(path))
        {
            return path;
        }
        await using var stored = await StoredPdfStream.OpenAsync(db, pdf, cancellationToken);
        return stored is null ? null : await WriteAsync(stored, pdf.Sha256, path, cancellationToken);
    }

    private async Task<string?> WriteAsync(Stream content, string sha256, string path, CancellationToken cancellationToken)
    {
        string? building = null;
        try
        {
            Directory.CreateDirectory(Root);
            building = Path.Combine(Root, $".{sha256}.{Guid.NewGuid():N}.building");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = ArrayPool<byte>.Shared.Rent(StoredPdfStream.ChunkSize);
            try
            {
                await using (var file = new FileStream(building, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, useAsync: true))
                {
                    int read;
                    while ((read = await content.ReadAsync(buffer.AsMemory(0, StoredPdfStream.ChunkSize), cancellationToken)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    }
                    await file.FlushAsync(cancellationToken);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            if (!string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), sha256, StringComparison.Ordinal))
            {
                logger.LogError("The stored summary PDF with hash {Sha256} does not match its hash; it is served from the database, not kept as a file.", sha256);
                return null;
            }
            // Another request may have published the same bytes meanwhile; either copy is the right one.
            File.Move(building, path, overwrite: true);
            building = null;
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "A summary PDF could not be kept as a file under {Root}; it is served from the database.", Root);
            return null;
        }
        finally
        {
            if (building is not null)
            {
                TryDelete(building);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind as a hidden ".building" file; it is never served.
        }
    }

    private static bool IsSha256(string value) =>
        value.Length == 64 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
