using System.Buffers;
using System.Data;
using System.Data.Common;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// The bytes of a stored PDF (<c>SummaryPdfs.Content</c>), read from the database into a buffer rented from the shared pool
/// and served from there: the connection (and, on SQLite, the read transaction that keeps WAL checkpoints from finishing) is
/// given back before the first byte goes to the client, however slow the client is, and no new array lands on the
/// large-object heap per download. The buffer returns to the pool when the response disposes the stream.
/// </summary>
public sealed class StoredPdfStream : Stream
{
    private byte[]? _buffer;
    private readonly MemoryStream _content;

    private StoredPdfStream(byte[] buffer, int length)
    {
        _buffer = buffer;
        _content = new MemoryStream(buffer, 0, length, writable: false);
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
            var length = checked((int)reader.GetBytes(1, 0, null, 0, 0));
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                await using var content = reader.GetStream(1);
                await content.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
                return new StoredPdfStream(buffer, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
        finally
        {
            if (openHere)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public override bool CanRead => true;
    public override bool CanSeek => _content.CanSeek;
    public override bool CanWrite => false;
    public override long Length => _content.Length;

    public override long Position
    {
        get => _content.Position;
        set => _content.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => _content.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => _content.Read(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _content.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _content.ReadAsync(buffer, offset, count, cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => _content.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _content.Dispose();
            if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        base.Dispose(disposing);
    }
}
