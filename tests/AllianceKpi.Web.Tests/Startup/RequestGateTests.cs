using System.Collections.Concurrent;
using System.Net;
using AllianceKpi.Web.Infrastructure.Startup;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AllianceKpi.Web.Tests.Startup;

/// <summary>
/// <see cref="RequestGateMiddleware"/> in a small host of its own: endpoints that wait until the test lets them finish show who
/// is let through, in which order, and when a turn ends.
/// </summary>
public sealed class RequestGateTests : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _entered = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _release = new();
    private WebApplication? _app;

    private TaskCompletionSource Release(string name) =>
        _release.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task<HttpClient> StartAsync(int permits, int queue)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RequestGate:MaxConcurrentRequests"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RequestGate:QueueLimit"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddRequestGate(builder.Configuration);
        _app = builder.Build();
        _app.UseMiddleware<RequestGateMiddleware>();
        _app.MapGet("/work/{name}", async (string name) =>
        {
            _entered.Enqueue(name);
            await Release(name).Task;
            return Results.Text("done " + name);
        });
        _app.MapGet("/download/{name}", async (HttpContext context, string name) =>
        {
            _entered.Enqueue(name);
            context.Response.ContentType = "application/pdf";
            await context.Response.WriteAsync("file "); // the headers and the first bytes go out; the rest follows later
            await context.Response.Body.FlushAsync();
            await Release(name).Task;
            await context.Response.WriteAsync(name);
        });
        _app.MapGet("/partly/{type}/{name}", async (HttpContext context, string type, string name) =>
        {
            _entered.Enqueue(name);
            context.Response.ContentType = type == "json" ? "application/json; charset=utf-8" : "text/html; charset=utf-8";
            await context.Response.WriteAsync("page "); // a page whose first part is flushed while the rest is still being written
            await context.Response.Body.FlushAsync();
            await Release(name).Task;
            await context.Response.WriteAsync(name);
        });
        _app.MapPost("/upload/{name}", async (string name) =>
        {
            _entered.Enqueue(name);
            await Release(name).Task;
            return Results.Text("uploaded " + name);
        }).DisableAntiforgery();
        _app.MapGet("/health", () => Results.Text("Healthy"));
        await _app.StartAsync();
        return _app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var release in _release.Values)
        {
            release.TrySetResult();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task WaitUntilEnteredAsync(params string[] names)
    {
        for (var i = 0; i < 500 && !names.All(_entered.Contains); i++)
        {
            await Task.Delay(10);
        }
        Assert.All(names, name => Assert.Contains(name, _entered));
    }

    /// <summary>Long enough for a request let through by mistake to have reached its endpoint.</summary>
    private static Task SettleAsync() => Task.Delay(300);

    [Fact]
    public async Task WithOneTurnTheWaitingRequestsAreServedOneAtATimeInArrivalOrder()
    {
        var client = await StartAsync(permits: 1, queue: 10);
        var first = client.GetStringAsync("/work/a");
        await WaitUntilEnteredAsync("a");
        var second = client.GetStringAsync("/work/b");
        await SettleAsync();
        var third = client.GetStringAsync("/work/c");
        await SettleAsync();

        Assert.Equal(["a"], _entered);

        Release("a").SetResult();
        Assert.Equal("done a", await first);
        await WaitUntilEnteredAsync("b");
        await SettleAsync();
        Assert.Equal(["a", "b"], _entered);

        Release("b").SetResult();
        Release("c").SetResult();
        Assert.Equal("done b", await second);
        Assert.Equal("done c", await third);
        Assert.Equal(["a", "b", "c"], _entered);
    }

    [Fact]
    public async Task TwoTurnsLetTwoRequestsWorkAtOnce()
    {
        var client = await StartAsync(permits: 2, queue: 10);
        var first = client.GetStringAsync("/work/a");
        var second = client.GetStringAsync("/work/b");
        await WaitUntilEnteredAsync("a", "b");
        var third = client.GetStringAsync("/work/c");
        await SettleAsync();

        Assert.DoesNotContain("c", _entered);

        Release("a").SetResult();
        await WaitUntilEnteredAsync("c");
        Release("b").SetResult();
        Release("c").SetResult();
        await Task.WhenAll(first, second, third);
    }

    [Fact]
    public async Task WhenTheQueueIsFullTheRequestGets503AndIsNotWorkedOn()
    {
        var client = await StartAsync(permits: 1, queue: 0);
        var first = client.GetStringAsync("/work/a");
        await WaitUntilEnteredAsync("a");

        var refused = await client.GetAsync("/work/b");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.DoesNotContain("b", _entered);
        Release("a").SetResult();
        await first;
        var later = client.GetStringAsync("/work/b");
        Release("b").SetResult();
        Assert.Equal("done b", await later);
    }

    [Fact]
    public async Task AFilesTurnEndsWhenItsResponseStartsSoASlowDownloadHoldsNoTurn()
    {
        var client = await StartAsync(permits: 1, queue: 10);
        var download = await client.GetAsync("/download/file", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        var page = client.GetStringAsync("/work/page");
        await WaitUntilEnteredAsync("page");
        Release("page").SetResult();
        Assert.Equal("done page", await page);

        Release("file").SetResult();
        Assert.Equal("file file", await download.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("html")]
    [InlineData("json")]
    public async Task APageOrJsonAnswerKeepsItsTurnUntilItIsWritten(string type)
    {
        var client = await StartAsync(permits: 1, queue: 10);
        var page = await client.GetAsync($"/partly/{type}/first", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var next = client.GetStringAsync("/work/next");
        await SettleAsync();
        Assert.DoesNotContain("next", _entered); // the first page has started but is not written: its turn is still held

        Release("first").SetResult();
        Assert.Equal("page first", await page.Content.ReadAsStringAsync());
        await WaitUntilEnteredAsync("next");
        Release("next").SetResult();
        Assert.Equal("done next", await next);
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", true)]
    [InlineData("TEXT/HTML", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/pdf", false)]
    [InlineData("application/zip", false)]
    [InlineData("image/png", false)]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false)]
    [InlineData(null, false)]
    public void OnlyPagesAndJsonKeepTheirTurnUntilWritten(string? contentType, bool keeps) =>
        Assert.Equal(keeps, RequestGateMiddleware.KeepsTurnUntilWritten(contentType));

    [Fact]
    public async Task HealthAndUploadsAreNotQueued()
    {
        var client = await StartAsync(permits: 1, queue: 0);
        var first = client.GetStringAsync("/work/a");
        await WaitUntilEnteredAsync("a");

        var health = await client.GetAsync("/health");
        using var upload = new MultipartFormDataContent { { new StringContent("x"), "field" } };
        var uploading = client.PostAsync("/upload/u", upload);
        await WaitUntilEnteredAsync("u");
        var plainPost = await client.PostAsync("/upload/p", new FormUrlEncodedContent(new Dictionary<string, string> { ["field"] = "x" }));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, plainPost.StatusCode); // only multipart bodies pass by
        Release("u").SetResult();
        Assert.Equal(HttpStatusCode.OK, (await uploading).StatusCode);
        Release("a").SetResult();
        await first;
    }

    [Fact]
    public async Task ARequestWhoseClientLeavesWhileWaitingIsNeverWorkedOn()
    {
        var client = await StartAsync(permits: 1, queue: 10);
        var first = client.GetStringAsync("/work/a");
        await WaitUntilEnteredAsync("a");
        using var leave = new CancellationTokenSource();
        var waiting = client.GetAsync("/work/gone", leave.Token);
        await SettleAsync();

        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Release("a").SetResult();
        await first;
        var next = client.GetStringAsync("/work/next");
        await WaitUntilEnteredAsync("next");
        Release("next").SetResult();
        await next;

        Assert.DoesNotContain("gone", _entered);
    }

    [Theory]
    [InlineData(0, 2, 8)]
    [InlineData(0, 1, 4)]
    [InlineData(3, 16, 3)]
    public void TheDefaultIsFourTurnsPerCore(int configured, int processors, int expected) =>
        Assert.Equal(expected, new RequestGateOptions { MaxConcurrentRequests = configured }.PermitsFor(processors));
}

/// <summary>The portal with one turn and no queue: a second request while one is being worked on gets the 503 page.</summary>
public sealed class BusyPortalFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RequestGate:MaxConcurrentRequests"] = "1",
        ["RequestGate:QueueLimit"] = "0",
    };
}

public sealed class BusyPortalTests(BusyPortalFactory factory) : IClassFixture<BusyPortalFactory>
{
    [Fact]
    public async Task ARequestRefusedForAFullQueueGetsTheFriendlyBusyPageWithRetryAfter()
    {
        using var client = factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about")).StatusCode);
        // A form POST whose body is still arriving holds the one turn while the portal reads it.
        var body = new SlowContent();
        var holding = client.Http.PostAsync("/account/login", body);
        await body.Started.Task;
        await Task.Delay(300); // the POST has reached the pipeline and waits for the rest of its form inside its turn

        var refused = await client.GetAsync("/about");

        body.Finish();
        await holding;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("系統忙碌中", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("已儲存的資料不受影響", page.QuerySelector("[data-testid=error-message]")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about")).StatusCode); // and served again once the turn is free
    }

    /// <summary>A form body that sends its first bytes, then waits until the test lets it finish.</summary>
    private sealed class SlowContent : HttpContent
    {
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowContent() => Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finish() => _finish.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("Email=a%40b.tw&"u8.ToArray());
            await stream.FlushAsync();
            Started.TrySetResult();
            await _finish.Task;
            await stream.WriteAsync("Password=x"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
