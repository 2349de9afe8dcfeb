using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Infrastructure.Startup;

/// <summary>RequestGate:*: how many requests the portal works on at once, and how many may wait for a turn.</summary>
public sealed class RequestGateOptions
{
    public const string Section = "RequestGate";

    /// <summary>Requests in the pipeline at once; 0 (the default) means 4 per processor core.</summary>
    public int MaxConcurrentRequests { get; set; }

    /// <summary>Requests waiting, first come first served; one more gets 503 with Retry-After.</summary>
    public int QueueLimit { get; set; } = 5000;

    public int PermitsFor(int processors) => MaxConcurrentRequests > 0 ? MaxConcurrentRequests : 4 * Math.Max(1, processors);
}

/// <summary>
/// Lets a fixed number of requests (static files and /health aside) through the rest of the pipeline at a time; the others
/// wait in arrival order. On a machine of a few cores, 128 requests in the pipeline at once do not finish sooner than 8:
/// they share the same cores, each holds its allocations, a database connection and a thread meanwhile, and the thread
/// pool picks among them in no particular order, so some wait far longer than others. Waiting before the work starts
/// holds nothing but the connection, and the first to come is the first served. A request whose client goes away while
/// it waits is dropped without being worked on.
/// </summary>
public sealed class RequestGateMiddleware
{
    /// <summary>The HttpContext item set when the queue was full, for the 503 page.</summary>
    public const string QueueFullItem = "AllianceKpi.RequestGateFull";

    private readonly RequestDelegate _next;
    private readonly ConcurrencyLimiter _limiter;
    private readonly ILogger<RequestGateMiddleware> _logger;

    public RequestGateMiddleware(RequestDelegate next, IOptions<RequestGateOptions> options, ILogger<RequestGateMiddleware> logger)
    {
        _next = next;
        _logger = logger;
        var settings = options.Value;
        Permits = settings.PermitsFor(Environment.ProcessorCount);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Permits,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int Permits { get; }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
            || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            // The load balancer's probe is answered even when the queue is long; an error page re-executed for a request
            // already let through (or refused) does not queue a second time; an upload, whose body arrives at the speed of
            // the user's link while it is read, does not hold a turn (uploads are few, and their size is limited).
            await _next(context);
            return;
        }
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client left while waiting
        }
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            _logger.LogWarning("Request queue full ({Permits} at once and the queue): 503 for {Method} {Path}",
                Permits, context.Request.Method, context.Request.Path.Value);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Items[QueueFullItem] = true;
            return;
        }
        // A file's turn ends when its response starts: a PDF, a zip or an attachment sent to a slow client holds no turn while
        // its bytes travel. A page or a JSON answer keeps its turn until it is written: it is already made in memory, the
        // socket's buffers take most of it at once, and ending its turn at the first flush let, at 128 connections, many
        // 80 kB pages be written at once beside the 8 being made (docs/performance.md, round 15).
        var turn = new Turn(lease, context.Response);
        context.Response.OnStarting(static state => { ((Turn)state).ResponseStarting(); return Task.CompletedTask; }, turn);
        try
        {
            await _next(context);
        }
        finally
        {
            turn.End();
        }
    }

    /// <summary>Whether a response of this type holds its turn until it is written: the portal's pages and JSON answers.</summary>
    public static bool KeepsTurnUntilWritten(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>A lease given back once: at a file's response start or at the end of the request, whichever is first.</summary>
    private sealed class Turn(RateLimitLease lease, HttpResponse response)
    {
        private int _ended;

        public void ResponseStarting()
        {
            if (!KeepsTurnUntilWritten(response.ContentType))
            {
                End();
            }
        }

        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                lease.Dispose();
            }
        }
    }
}

public static class RequestGateExtensions
{
    public static IServiceCollection AddRequestGate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestGateOptions>()
            .Bind(configuration.GetSection(RequestGateOptions.Section))
            .Validate(o => o.MaxConcurrentRequests >= 0 && o.QueueLimit >= 0,
                "RequestGate:MaxConcurrentRequests and RequestGate:QueueLimit must be 0 or more (MaxConcurrentRequests 0: 4 per core).")
            .ValidateOnStart();
        return services;
    }
}
