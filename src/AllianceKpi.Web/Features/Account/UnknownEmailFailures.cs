using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace AllianceKpi.Web.Features.Account;

/// <summary>
/// Failed sign-ins with e-mails that have no account, counted like Identity counts them for real accounts, so that the lockout
/// message cannot be used to find out which e-mails are registered. Kept in memory for the lockout's length: a restart forgets them.
/// </summary>
public sealed class UnknownEmailFailures(IMemoryCache cache)
{
    private static readonly PasswordHasher<AppUser> Hasher = new();
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));
    private readonly object _gate = new();

    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(15);

    /// <summary>Counts a failure; true when this e-mail has now failed <paramref name="maxFailures"/> times or more.</summary>
    public bool RecordFailure(string email, int maxFailures)
    {
        var key = "unknown-email:" + email.ToUpperInvariant();
        lock (_gate)
        {
            var failures = (cache.Get<int?>(key) ?? 0) + 1;
            cache.Set(key, failures, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Remembered, Size = 1 });
            return failures >= maxFailures;
        }
    }

    /// <summary>Spends the time of one password check, as a sign-in of a real account would.</summary>
    public void CostOfAHash(string password) =>
        Hasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, password);
}
