using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Email;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class OutboxSenderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private OutboxSender Sender(string? host, int port = 25) => new(
        factory.Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new SmtpSettings { Host = host, Port = port, EnableSsl = false, From = "noreply@alliance.example.tw" }),
        TimeProvider.System,
        NullLogger<OutboxSender>.Instance);

    private async Task<OutboxEmail> QueueAsync(int attempts = 0, DateTime? claimedUntil = null)
    {
        var email = new OutboxEmail
        {
            To = $"pi{Guid.NewGuid():N}@ncku.edu.tw",
            Subject = "產學小聯盟管考平台帳號開通通知",
            Body = "王大明 您好：\n請開啟下列連結設定密碼：\nhttp://localhost/account/set-password?userId=u1&token=abc",
            Link = "http://localhost/account/set-password?userId=u1&token=abc",
            CreatedAt = DateTime.UtcNow,
            Attempts = attempts,
            ClaimedUntil = claimedUntil,
        };
        await factory.WithDbAsync(async db =>
        {
            db.Outbox.Add(email);
            await db.SaveChangesAsync();
        });
        return email;
    }

    private Task<OutboxEmail> ReloadAsync(int id) => factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(e => e.Id == id));

    [Fact]
    public async Task UnsentEmailsAreDeliveredThroughSmtpAndMarkedSent()
    {
        await using var server = new FakeSmtpServer();
        var email = await QueueAsync();

        await Sender("127.0.0.1", server.Port).SendPendingAsync(CancellationToken.None);

        var mail = Assert.Single(server.Received, m => m.Recipients.Contains(email.To));
        Assert.Equal("產學小聯盟管考平台帳號開通通知", mail.Subject);
        Assert.Equal("noreply@alliance.example.tw", mail.From);
        Assert.Contains("account/set-password?userId=u1&token=abc", mail.Body);
        var saved = await ReloadAsync(email.Id);
        Assert.NotNull(saved.SentAt);
        Assert.Null(saved.LastError);
    }

    [Fact]
    public async Task ASentEmailIsNotSentAgain()
    {
        await using var server = new FakeSmtpServer();
        var email = await QueueAsync();
        var sender = Sender("127.0.0.1", server.Port);
        await sender.SendPendingAsync(CancellationToken.None);

        await sender.SendPendingAsync(CancellationToken.None);

        Assert.Single(server.Received, m => m.Recipients.Contains(email.To));
    }

    [Fact]
    public async Task TwoNodesSendingAtTheSameTimeSendEachEmailOnce()
    {
        await using var server = new FakeSmtpServer();
        var emails = new List<OutboxEmail>();
        for (var i = 0; i < 10; i++)
        {
            emails.Add(await QueueAsync());
        }

        await Task.WhenAll(
            Task.Run(() => Sender("127.0.0.1", server.Port).SendPendingAsync(CancellationToken.None)),
            Task.Run(() => Sender("127.0.0.1", server.Port).SendPendingAsync(CancellationToken.None)));

        foreach (var email in emails)
        {
            Assert.Single(server.Received, m => m.Recipients.Contains(email.To));
            var saved = await ReloadAsync(email.Id);
            Assert.NotNull(saved.SentAt);
            Assert.Equal(1, saved.Attempts);
        }
    }

    [Fact]
    public async Task AnAttemptAnotherNodeIsSendingIsLeftAloneUntilItsClaimRunsOut()
    {
        await using var server = new FakeSmtpServer();
        // Claimed by another node a moment ago: its attempt is in flight, not failed.
        var sending = await QueueAsync(attempts: 1, claimedUntil: DateTime.UtcNow.AddMinutes(1));
        // Claimed by a node that died: the claim ran out without a result.
        var abandoned = await QueueAsync(attempts: 1, claimedUntil: DateTime.UtcNow.AddMinutes(-1));

        await Sender("127.0.0.1", server.Port).SendPendingAsync(CancellationToken.None);

        Assert.DoesNotContain(server.Received, m => m.Recipients.Contains(sending.To));
        var untouched = await ReloadAsync(sending.Id);
        Assert.Equal(1, untouched.Attempts);
        Assert.Null(untouched.SentAt);
        Assert.Single(server.Received, m => m.Recipients.Contains(abandoned.To));
        var retried = await ReloadAsync(abandoned.Id);
        Assert.NotNull(retried.SentAt);
        Assert.Equal(2, retried.Attempts);
        Assert.Null(retried.ClaimedUntil);
    }

    [Fact]
    public async Task ARefusedConnectionIsRecordedAsAFailedAttempt()
    {
        var email = await QueueAsync();

        await Sender("127.0.0.1", FakeSmtpServer.ClosedPort()).SendPendingAsync(CancellationToken.None);

        var saved = await ReloadAsync(email.Id);
        Assert.Null(saved.SentAt);
        Assert.Equal(1, saved.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(saved.LastError));
        Assert.Null(saved.ClaimedUntil); // failed, not in flight: the next round tries again
    }

    [Fact]
    public async Task AnEmailIsGivenUpAfterFiveAttempts()
    {
        await using var server = new FakeSmtpServer();
        var email = await QueueAsync(attempts: OutboxSender.MaxAttempts);

        await Sender("127.0.0.1", server.Port).SendPendingAsync(CancellationToken.None);

        Assert.DoesNotContain(server.Received, m => m.Recipients.Contains(email.To));
        Assert.Equal(OutboxSender.MaxAttempts, (await ReloadAsync(email.Id)).Attempts);
    }

    [Fact]
    public async Task TheBackgroundServiceSendsAtStart()
    {
        await using var server = new FakeSmtpServer();
        var email = await QueueAsync();
        var sender = Sender("127.0.0.1", server.Port);

        await sender.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!server.Received.Any(m => m.Recipients.Contains(email.To)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        await sender.StopAsync(CancellationToken.None);

        Assert.Contains(server.Received, m => m.Recipients.Contains(email.To));
    }

    [Fact]
    public async Task WithoutAnSmtpHostNothingIsSent()
    {
        var email = await QueueAsync();
        var sender = Sender(host: "");

        await sender.StartAsync(CancellationToken.None);
        await sender.ExecuteTask!;

        var saved = await ReloadAsync(email.Id);
        Assert.Null(saved.SentAt);
        Assert.Equal(0, saved.Attempts);
    }
}
