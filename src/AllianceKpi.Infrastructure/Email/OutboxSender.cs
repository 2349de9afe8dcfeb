using System.Net;
using System.Net.Mail;
using System.Text;
using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Infrastructure.Email;

/// <summary>
/// Every 30 seconds sends the outbox's unsent e-mails through SMTP, when Email:Smtp:Host is set. A failure is recorded on the
/// e-mail (attempts, last error); after five attempts the e-mail is left for the office to hand over by other means.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes,
    IOptions<SmtpSettings> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    public const int BatchSize = 50;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly SmtpSettings _settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.IsConfigured)
        {
            logger.LogInformation("Email:Smtp:Host is empty: e-mails stay in the outbox (/office/outbox) and are not sent.");
            return;
        }
        logger.LogInformation("Outbox e-mails are sent through {Host}:{Port} every {Seconds} s", _settings.Host, _settings.Port, Interval.TotalSeconds);
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending the outbox failed; trying again in {Seconds} s", Interval.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends one batch of unsent e-mails, oldest first; returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Outbox
            .Where(e => e.SentAt == null && e.Attempts < MaxAttempts && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }
        var sent = 0;
        using var client = CreateClient();
        foreach (var email in pending)
        {
            if (!await ClaimAsync(db, email, clock.GetUtcNow().UtcDateTime, cancellationToken))
            {
                continue; // another web node took this attempt
            }
            if (await TrySendAsync(client, email, cancellationToken))
            {
                sent++;
            }
            // The claim was set by the update above, not through this entity: write its end explicitly.
            db.Entry(email).Property(e => e.ClaimedUntil).IsModified = true;
            await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    /// <summary>How long a node's claim on an attempt holds: longer than the SMTP timeout, so a live sender is never overtaken.</summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Every web node runs this sender (decision 0021): an attempt is taken by a conditional update of the attempt count that
    /// also sets a claim, so exactly one node sends each attempt of an e-mail. A node whose read was overtaken skips the
    /// e-mail; while the claim holds, no node reads it as pending (the attempt is being sent, not failed); once the claim ran
    /// out without a result (the node died), the next attempt may be taken.
    /// </summary>
    private static async Task<bool> ClaimAsync(AppDbContext db, OutboxEmail email, DateTime now, CancellationToken cancellationToken)
    {
        var seen = email.Attempts;
        var until = now + ClaimTime;
        var claimed = await db.Outbox
            .Where(e => e.Id == email.Id && e.SentAt == null && e.Attempts == seen && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Attempts, seen + 1).SetProperty(e => e.ClaimedUntil, until), cancellationToken);
        return claimed == 1;
    }

    private async Task<bool> TrySendAsync(SmtpClient client, OutboxEmail email, CancellationToken cancellationToken)
    {
        email.Attempts++;
        try
        {
            using var message = ToMessage(email);
            await client.SendMailAsync(message, cancellationToken);
            email.SentAt = clock.GetUtcNow().UtcDateTime;
            email.LastError = null;
            email.ClaimedUntil = null;
            logger.LogInformation("Sent outbox e-mail {EmailId}", email.Id);
            return true;
        }
        catch (Exception ex) when (ex is SmtpException or InvalidOperationException or IOException or FormatException)
        {
            email.LastError = Describe(ex);
            email.ClaimedUntil = null; // failed, not in flight: the next round may try again
            logger.LogWarning("Outbox e-mail {EmailId} not sent (attempt {Attempt} of {Max}): {Error}", email.Id, email.Attempts, MaxAttempts, email.LastError);
            return false;
        }
    }

    private SmtpClient CreateClient()
    {
        var client = new SmtpClient(_settings.Host, _settings.Port)
        {
            EnableSsl = _settings.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrWhiteSpace(_settings.UserName))
        {
            client.Credentials = new NetworkCredential(_settings.UserName, _settings.Password);
        }
        return client;
    }

    private MailMessage ToMessage(OutboxEmail email) =>
        new(new MailAddress(_settings.From, "產學小聯盟管考平台", Encoding.UTF8), new MailAddress(email.To))
        {
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = email.Body,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };

    private static string Describe(Exception ex)
    {
        var parts = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            parts.Add(e.Message);
        }
        var text = string.Join(" → ", parts.Distinct());
        return text.Length > 1900 ? text[..1900] : text;
    }
}
