using System.Data;
using System.Data.Common;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// The bytes of a stored PDF (<c>SummaryPdfs.Content</c>) read as a stream straight from the database into the response:
/// SQLite hands out the blob incrementally, PostgreSQL in sequential access from the wire, so a 500 kB download no longer
/// becomes a new array on the large-object heap per request. The stream owns its command and reader.
/// </summary>
public sealed class StoredPdfStream : Stream
{
    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private readonly Stream _content;

    private StoredPdfStream(DbCommand command, DbDataReader reader, Stream content)
    {
        _command = command;
        _reader = reader;
        _content = content;
    }

    /// <summary>Null when the row is gone.</summary>
    public static async Task<StoredPdfStream?> OpenAsync(AppDbContext db, CachedSummaryPdf pdf, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        // On SQLite the row's rowid beside the blob lets the provider read the blob in place (incremental I/O).
        var columns = db.Database.IsSqlite() ? "rowid, \"Content\"" : "0, \"Content\"";
        command.CommandText = $"SELECT {columns} FROM \"SummaryPdfs\" WHERE \"FormSubmissionId\" = @submission AND \"View\" = @view AND \"Status\" = @status";
        Add(command, "@submission", pdf.SubmissionId);
        Add(command, "@view", pdf.View);
        Add(command, "@status", pdf.Status);
        DbDataReader? reader = null;
        try
        {
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await command.DisposeAsync();
                return null;
            }
            return new StoredPdfStream(command, reader, reader.GetStream(1));
        }
        catch
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }
            await command.DisposeAsync();
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
            _reader.Dispose();
            _command.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _content.DisposeAsync();
        await _reader.DisposeAsync();
        await _command.DisposeAsync();
        await base.DisposeAsync();
    }
}
