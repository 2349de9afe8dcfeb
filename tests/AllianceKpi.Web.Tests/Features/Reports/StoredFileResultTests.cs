using AllianceKpi.Web.Features.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace AllianceKpi.Web.Tests.Features.Reports;

/// <summary>
/// A stored file is sent whole, with its length and type, in one flush per 256 kB rather than one per 64 kB step; when many
/// downloads are under way at once, each flushes sooner so that together they hold about 4 MB unsent.
/// </summary>
public sealed class StoredFileResultTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stored-file-").FullName;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(200 * 1024, 1)]
    [InlineData(493 * 1024, 2)]
    [InlineData(StoredFileResult.FlushBytes, 1)]
    [InlineData(StoredFileResult.FlushBytes + 70_000, 2)]
    [InlineData(2 * StoredFileResult.FlushBytes + 123, 3)]
    public async Task TheFileIsSentByteForByteWithItsLengthInAFlushPerFlushBytes(int length, int flushes)
    {
        var content = new byte[length];
        new Random(length).NextBytes(content);
        var path = Path.Combine(_folder, $"{length}.pdf");
        await File.WriteAllBytesAsync(path, content);
        var body = new CountingStream();
        var http = new DefaultHttpContext { Response = { Body = body } };

        await new StoredFileResult(path, "application/pdf").ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));

        Assert.Equal(content, body.ToArray());
        Assert.Equal(length, http.Response.ContentLength);
        Assert.Equal("application/pdf", http.Response.ContentType);
        Assert.Equal(flushes, body.Flushes);
    }

    [Theory]
    [InlineData(0, StoredFileResult.FlushBytes)]
    [InlineData(1, StoredFileResult.FlushBytes)]
    [InlineData(16, StoredFileResult.FlushBytes)]
    [InlineData(32, 128 * 1024)]
    [InlineData(64, StoredFileResult.MinFlushBytes)]
    [InlineData(500, StoredFileResult.MinFlushBytes)]
    public void TheBytesBetweenFlushesShrinkWithTheDownloadsUnderWayDownTo64kB(int underWay, int bytes) =>
        Assert.Equal(bytes, StoredFileResult.FlushBytesFor(underWay));

    [Fact]
    public async Task WhileSixtyThreeOtherDownloadsAreUnderWayA493kBFileIsSentInFlushesOf64kB()
    {
        var waiting = Path.Combine(_folder, "waiting.pdf");
        await File.WriteAllBytesAsync(waiting, new byte[300 * 1024]);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var others = new List<Task>();
        for (var i = 0; i < 63; i++)
        {
            var held = new DefaultHttpContext { Response = { Body = new HeldStream(release.Task) } };
            others.Add(new StoredFileResult(waiting, "application/pdf").ExecuteResultAsync(new ActionContext(held, new RouteData(), new ActionDescriptor())));
        }
        Assert.True(StoredFileResult.UnderWay >= 63);
        var content = new byte[493 * 1024];
        new Random(493).NextBytes(content);
        var path = Path.Combine(_folder, "busy.pdf");
        await File.WriteAllBytesAsync(path, content);
        var body = new CountingStream();
        var http = new DefaultHttpContext { Response = { Body = body } };

        await new StoredFileResult(path, "application/pdf").ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        release.SetResult();
        await Task.WhenAll(others);

        Assert.Equal(content, body.ToArray());
        Assert.Equal(8, body.Flushes); // 493 kB in 64 kB steps: 7 full steps flushed, the last part with the final flush
    }

    [Fact]
    public async Task AMissingFileIsAnErrorBeforeAnythingIsSent()
    {
        var body = new CountingStream();
        var http = new DefaultHttpContext { Response = { Body = body } };

        await Assert.ThrowsAsync<FileNotFoundException>(() => new StoredFileResult(Path.Combine(_folder, "gone.pdf"), "application/pdf")
            .ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor())));

        Assert.Empty(body.ToArray());
        Assert.Null(http.Response.ContentLength);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A client that takes nothing until released: its download stays under way.</summary>
    private sealed class HeldStream(Task release) : MemoryStream
    {
        public override Task FlushAsync(CancellationToken cancellationToken) => release;
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return base.FlushAsync(cancellationToken);
        }
    }
}
