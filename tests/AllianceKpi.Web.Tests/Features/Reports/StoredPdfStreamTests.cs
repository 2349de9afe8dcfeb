using AllianceKpi.Web.Features.Reports;

namespace AllianceKpi.Web.Tests.Features.Reports;

/// <summary>
/// The pooled chunks a cached PDF is served from give back exactly the stored bytes, whichever way the response reads them
/// (the copy Kestrel makes, small reads, seeks for range requests), across chunk borders.
/// </summary>
public sealed class StoredPdfStreamTests
{
    private static byte[] Content(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    private static async Task<StoredPdfStream> OpenAsync(byte[] content) =>
        await StoredPdfStream.ReadAsync(new MemoryStream(content), content.Length, CancellationToken.None);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(StoredPdfStream.ChunkSize)]
    [InlineData(StoredPdfStream.ChunkSize + 1)]
    [InlineData(493_211)]
    public async Task Copying_gives_back_every_byte(int length)
    {
        var content = Content(length);
        await using var stream = await OpenAsync(content);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(length, stream.Length);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Small_reads_across_chunk_borders_give_back_every_byte()
    {
        var content = Content((3 * StoredPdfStream.ChunkSize) + 123);
        await using var stream = await OpenAsync(content);
        var read = new List<byte>();
        var buffer = new byte[7_001]; // not a divisor of the chunk size: reads straddle chunk borders
        int count;
        while ((count = await stream.ReadAsync(buffer)) > 0)
        {
            read.AddRange(buffer.AsSpan(0, count).ToArray());
        }
        Assert.Equal(content, read.ToArray());
    }

    [Fact]
    public async Task A_seek_reads_from_the_right_byte()
    {
        var content = Content((2 * StoredPdfStream.ChunkSize) + 10);
        await using var stream = await OpenAsync(content);
        var from = StoredPdfStream.ChunkSize - 5;
        stream.Seek(from, SeekOrigin.Begin);
        var buffer = new byte[20];
        Assert.Equal(20, stream.Read(buffer, 0, 20));
        Assert.Equal(content.AsSpan(from, 20).ToArray(), buffer);

        stream.Seek(-3, SeekOrigin.End);
        Assert.Equal(3, stream.Read(buffer, 0, 20));
        Assert.Equal(content.AsSpan(content.Length - 3).ToArray(), buffer.AsSpan(0, 3).ToArray());
    }

    [Fact]
    public async Task A_short_source_is_an_error_not_a_truncated_pdf()
    {
        var content = Content(1000);
        await Assert.ThrowsAsync<EndOfStreamException>(() =>
            StoredPdfStream.ReadAsync(new MemoryStream(content), 2000, CancellationToken.None));
    }

    [Fact]
    public async Task A_disposed_stream_can_no_longer_be_read()
    {
        var stream = await OpenAsync(Content(10));
        await stream.DisposeAsync();
        Assert.False(stream.CanRead);
        Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[4], 0, 4));
    }
}
