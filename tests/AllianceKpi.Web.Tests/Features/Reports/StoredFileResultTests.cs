using AllianceKpi.Web.Features.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace AllianceKpi.Web.Tests.Features.Reports;

/// <summary>A stored file is sent whole, with its length and type, in one flush per 256 kB rather than one per 64 kB step.</summary>
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
