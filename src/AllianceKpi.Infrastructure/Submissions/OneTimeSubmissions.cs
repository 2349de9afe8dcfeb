using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AllianceKpi.Infrastructure.Submissions;

/// <summary>One POST of a "new" form: its one-time key, who sent it, what the form creates and in which project.</summary>
public sealed record SubmissionClaim(Guid Key, string UserId, string Kind, int ProjectId);

/// <summary>What a claim's key says before the save: never used, used by this same form and user (the row it created), or someone else's.</summary>
public sealed record SubmissionKeyState(int? EarlierId, bool Foreign)
{
    public static readonly SubmissionKeyState Unused = new(null, false);
}

/// <summary>
/// One-time submission keys (decision 0024). A "new" form carries a key made when it was rendered; the save records the key in
/// the same transaction as the row it creates. The same POST again — a double click, a browser resend, two racing requests —
/// finds the key (or meets its primary key) and gets the row the first POST created instead of a second one.
/// </summary>
public sealed class OneTimeSubmissions(AppDbContext db, TimeProvider clock, ILogger<OneTimeSubmissions> logger)
{
    /// <summary>The hidden field's name.</summary>
    public const string Field = "SubmissionKey";

    /// <summary>How long a used key is remembered: far longer than any resend or open tab that matters.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    /// <summary>The posted key; null when there is none (a form rendered before keys existed) or it is not a key.</summary>
    public static Guid? Parse(string? posted) => Guid.TryParse(posted, out var key) && key != Guid.Empty ? key : null;

    /// <summary>Whether the claim's key was used, and by whom. A key used by another user, form or project is foreign: not a repeat of this POST.</summary>
    public async Task<SubmissionKeyState> StateAsync(SubmissionClaim claim, CancellationToken cancellationToken)
    {
        var used = await db.SubmissionKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == claim.Key, cancellationToken);
        if (used is null)
        {
            return SubmissionKeyState.Unused;
        }
        return used.UserId == claim.UserId && used.Kind == claim.Kind && used.ProjectId == claim.ProjectId
            ? new SubmissionKeyState(used.EntityId, false)
            : new SubmissionKeyState(null, true);
    }

    /// <summary>
    /// Saves the pending changes and the key, with the id of the row they create, in one transaction. Null when saved; the
    /// earlier row's id when a racing POST with the same key got there first (nothing of this POST is kept then).
    /// </summary>
    public async Task<int?> SaveOnceAsync(SubmissionClaim claim, Func<int> createdId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.SubmissionKeys.Add(new SubmissionKey
                {
                    Key = claim.Key, UserId = claim.UserId, Kind = claim.Kind, ProjectId = claim.ProjectId, EntityId = createdId(), CreatedAt = now,
                });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if ((await StateAsync(claim, CancellationToken.None)).EarlierId is { } earlier)
                {
                    logger.LogInformation("Submission {Key} ({Kind}) was posted twice at once; the second POST created nothing", claim.Key, claim.Kind);
                    return earlier;
                }
                throw;
            }
        }
        await ForgetOldAsync(now, cancellationToken);
        return null;
    }

    /// <summary>Deletes keys older than <see cref="KeptFor"/>: one indexed delete after each keyed save, so the table stays small without a timer.</summary>
    private async Task ForgetOldAsync(DateTime now, CancellationToken cancellationToken)
    {
        var before = now - KeptFor;
        try
        {
            await db.SubmissionKeys.Where(k => k.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Best effort: the row is saved; the next save tries again.
            logger.LogWarning(ex, "Forgetting old submission keys failed");
        }
    }
}
