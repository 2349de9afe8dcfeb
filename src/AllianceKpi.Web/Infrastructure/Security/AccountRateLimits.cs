using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Infrastructure.Security;

/// <summary>How many POSTs one client address may send to a group of account pages in a fixed window.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>RateLimits:*: the limits of the account pages, per client IP address.</summary>
public sealed class AccountRateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>登入. Generous because a whole university can share one address; each account also locks after 5 wrong passwords.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>註冊, 忘記密碼 and 設定密碼: rarer, and each one writes or sends something.</summary>
    public RateLimitRule AccountForms { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };
}

/// <summary>
/// The sign-in, registration and password POSTs are rate limited per client IP address with ASP.NET Core's rate limiter (decision
/// 0020). A refused request gets 429 with Retry-After; the status-code pages then show the friendly 429 page.
/// </summary>
public static class AccountRateLimits
{
    public const string SignInPolicy = "sign-in";
    public const string AccountFormsPolicy = "account-forms";

    /// <summary>The HttpContext item holding the seconds to wait, for the 429 page.</summary>
    public const string RetryAfterItem = "AllianceKpi.RetryAfterSeconds";

    /// <summary>The rate limits, and the memory of failed sign-ins of unknown e-mails (see <see cref="Features.Account.UnknownEmailFailures"/>).</summary>
    public static void AddAccountProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddSingleton<Features.Account.UnknownEmailFailures>();
        services.AddOptions<AccountRateLimitOptions>()
            .Bind(configuration.GetSection(AccountRateLimitOptions.Section))
            .Validate(o => IsValid(o.SignIn), "RateLimits:SignIn needs PermitLimit ≥ 1 and a positive Window, e.g. 00:01:00.")
            .Validate(o => IsValid(o.AccountForms), "RateLimits:AccountForms needs PermitLimit ≥ 1 and a positive Window, e.g. 00:10:00.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInPolicy, context => PerAddress(context, o => o.SignIn));
            limiter.AddPolicy(AccountFormsPolicy, context => PerAddress(context, o => o.AccountForms));
            limiter.OnRejected = OnRejected;
        });
    }

    private static bool IsValid(RateLimitRule rule) => rule.PermitLimit >= 1 && rule.Window > TimeSpan.Zero;

    private static RateLimitPartition<string> PerAddress(HttpContext context, Func<AccountRateLimitOptions, RateLimitRule> pick)
    {
        var rule = pick(context.RequestServices.GetRequiredService<IOptions<AccountRateLimitOptions>>().Value);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static ValueTask OnRejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = seconds;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountRateLimits))
            .LogWarning("Rate limit reached for {Method} {Path} from {Address}; retry after {Seconds} s",
                context.Request.Method, context.Request.Path.Value, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", seconds);
        return ValueTask.CompletedTask;
    }
}
