using System.Buffers;
using System.Data;
using System.Data.Common;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// The bytes of a stored PDF (<c>SummaryPdfs.Content</c>), read from the database into chunks of
/// <see cref="ChunkSize"/> bytes rented from the shared pool and served from there. The connection (and, on SQLite, the read
/// transaction that keeps WAL checkpoints from finishing) is given back before the first byte goes to the client, however
/// slow the client is. The chunks are smaller than the large-object heap's threshold (85,000 bytes): one 500 kB buffer per
/// download, when the pool had none to spare under many concurrent downloads, landed on that heap, which only a full
/// collection cleans up (docs/performance.md, round 4). The chunks return to the pool when the response disposes the stream.
/// </summary>
public sealed class StoredPdfStream : Stream
{
    /// <summary>64 kB: under the large-object threshold, and a pool bucket every request already uses.</summary>
    public const int ChunkSize = 64 * 1024;

    private byte[][]? _chunks;
    private readonly long _length;
    private long _position;

    private StoredPdfStream(byte[][] chunks, long length)
    {
        _chunks = chunks;
        _length = length;
    }

    /// <summary>Null when the row is gone.</summary>
    public static async Task<StoredPdfStream?> OpenAsync(AppDbContext db, CachedSummaryPdf pdf, CancellationToken cancellationToken)
    {
        var openHere = db.Database.GetDbConnection().State != ConnectionState.Open;
        if (openHere)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // On SQLite the row's rowid beside the blob lets the provider read the blob in place (incremental I/O).
            var columns = db.Database.IsSqlite() ? "rowid, \"Content\"" : "0, \"Content\"";
            command.CommandText = $"SELECT {columns} FROM \"SummaryPdfs\" WHERE \"FormSubmissionId\" = @submission AND \"View\" = @view AND \"Status\" = @status";
            Add(command, "@submission", pdf.SubmissionId);
            Add(command, "@view", pdf.View);
            Add(command, "@status", pdf.Status);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            var length = reader.GetBytes(1, 0, null, 0, 0);
            await using var content = reader.GetStream(1);
            return await ReadAsync(content, length, cancellationToken);
        }
        finally
        {
            if (openHere)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Reads <paramref name="length"/> bytes of <paramref name="content"/> into pooled chunks.</summary>
    public static async Task<StoredPdfStream> ReadAsync(Stream content, long length, CancellationToken cancellationToken)
    {
        var chunks = new byte[checked((int)((length + ChunkSize - 1) / ChunkSize))][];
        try
        {
            for (var i = 0; i < chunks.Length; i++)
            {
                chunks[i] = ArrayPool<byte>.Shared.Rent(ChunkSize);
                var size = (int)Math.Min(ChunkSize, length - ((long)i * ChunkSize));
                await content.ReadExactlyAsync(chunks[i].AsMemory(0, size), cancellationToken);
            }
            return new StoredPdfStream(chunks, length);
        }
        catch
        {
            Return(chunks);
            throw;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static void Return(byte[][] chunks)
    {
        foreach (var chunk in chunks)
        {
            if (chunk is not null)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    public override bool CanRead => _chunks is not null;
    public override bool CanSeek => _chunks is not null;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var chunks = _chunks ?? throw new ObjectDisposedException(nameof(StoredPdfStream));
        var copied = 0;
        while (copied < buffer.Length && _position < _length)
        {
            var index = (int)(_position / ChunkSize);
            var start = (int)(_position % ChunkSize);
            var available = (int)Math.Min(ChunkSize - start, _length - _position);
            var count = Math.Min(available, buffer.Length - copied);
            chunks[index].AsSpan(start, count).CopyTo(buffer[copied..]);
            copied += count;
            _position += count;
        }
        return copied;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<int>(cancellationToken)
            : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Writes the chunks as they are, without copying them through a buffer of the caller's.</summary>
    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        var chunks = _chunks ?? throw new ObjectDisposedException(nameof(StoredPdfStream));
        while (_position < _length)
        {
            var index = (int)(_position / ChunkSize);
            var start = (int)(_position % ChunkSize);
            var count = (int)Math.Min(ChunkSize - start, _length - _position);
            await destination.WriteAsync(chunks[index].AsMemory(start, count), cancellationToken);
            _position += count;
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _chunks, null) is { } chunks)
        {
            Return(chunks);
        }
        base.Dispose(disposing);
    }
}
