using System.IO.Pipelines;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Win32.SafeHandles;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// Sends a file that does not change (a stored summary PDF under its hash) by reading it synchronously, straight into the
/// response's own buffers, and flushing once per <see cref="FlushBytes"/>: a summary of about 500 kB goes out in two
/// flushes. ASP.NET's <c>PhysicalFile</c> copies in 64 kB steps with an asynchronous read and a flush each, and every step
/// waits its turn on the thread pool behind the other requests; under load those waits were most of a cached download's
/// time (docs/performance.md, round 9). A file on local disk, usually in the page cache, is read faster than a turn there.
/// The memory held per download is what has not yet been sent, at most <see cref="FlushBytes"/> and a step
/// (256 kB: at 128 connections a flush per MB held 55 MB of Kestrel's pinned buffers, this 22 MB; docs/performance.md, round 11).
/// When many downloads are under way at once, each flushes sooner, so that together they hold about
/// <see cref="SharedBudget"/> and never less than <see cref="MinFlushBytes"/> each (docs/performance.md, round 14).
/// </summary>
public sealed class StoredFileResult(string path, string contentType) : IActionResult
{
    /// <summary>Bytes written between two flushes; a larger file is sent in as many flushes.</summary>
    public const int FlushBytes = 256 * 1024;

    /// <summary>What the downloads under way may hold unflushed together before each flushes more often than per <see cref="FlushBytes"/>.</summary>
    public const int SharedBudget = 4 * 1024 * 1024;

    /// <summary>The least a download writes between two flushes, however many are under way.</summary>
    public const int MinFlushBytes = 64 * 1024;

    private const int Step = 64 * 1024;

    private static int s_underWay;

    /// <summary>Downloads of this process being sent now.</summary>
    public static int UnderWay => Volatile.Read(ref s_underWay);

    /// <summary>Bytes a download writes between two flushes while <paramref name="underWay"/> downloads are being sent.</summary>
    public static int FlushBytesFor(int underWay) => Math.Clamp(SharedBudget / Math.Max(1, underWay), MinFlushBytes, FlushBytes);

    public string FilePath { get; } = path;
    public string ContentType { get; } = contentType;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        using var file = File.OpenHandle(FilePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(file);
        response.ContentType = ContentType;
        response.ContentLength = length;
        var writer = response.BodyWriter;
        Interlocked.Increment(ref s_underWay);
        try
        {
            await SendAsync(writer, file, length, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref s_underWay);
        }
    }

    private async Task SendAsync(PipeWriter writer, SafeFileHandle file, long length, CancellationToken cancellationToken)
    {
        long offset = 0;
        var unflushed = 0;
        while (offset < length)
        {
            var memory = writer.GetMemory((int)Math.Min(Step, length - offset));
            var wanted = (int)Math.Min(memory.Length, length - offset);
            var read = RandomAccess.Read(file, memory.Span[..wanted], offset);
            if (read == 0)
            {
                // The length was promised in the header; a file cut short cannot be sent as it, and the connection is dropped.
                throw new IOException($"{FilePath} ended at {offset} of {length} bytes.");
            }
            writer.Advance(read);
            offset += read;
            unflushed += read;
            if (unflushed >= FlushBytesFor(UnderWay) && offset < length)
            {
                await writer.FlushAsync(cancellationToken);
                unflushed = 0;
            }
        }
        await writer.FlushAsync(cancellationToken);
    }
}
