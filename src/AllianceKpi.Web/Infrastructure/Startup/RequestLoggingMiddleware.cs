using System.Diagnostics;

namespace AllianceKpi.Web.Infrastructure.Startup;

/// <summary>One log line per request: method, path, status, elapsed milliseconds, user.</summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms for {User}",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed,
                context.User.Identity?.Name ?? "anonymous");
        }
    }
}
