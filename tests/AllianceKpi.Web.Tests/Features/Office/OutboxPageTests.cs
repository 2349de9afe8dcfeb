using System.Net;
using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class OutboxPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static OutboxEmail Email(string to, DateTime createdAt, DateTime? sentAt = null, int attempts = 0, string? error = null) => new()
    {
        To = to,
        Subject = "產學小聯盟管考平台帳號開通通知",
        Body = "內文",
        Link = $"http://localhost/account/set-password?userId={to}&token=t",
        CreatedAt = createdAt,
        SentAt = sentAt,
        Attempts = attempts,
        LastError = error,
    };

    [Fact]
    public async Task TheOutboxListsLinksAndSendingStatesNewestFirst()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await factory.WithDbAsync(async db =>
        {
            db.Outbox.AddRange(
                Email($"unsent{id}@test.tw", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
                Email($"sent{id}@test.tw", new DateTime(2030, 1, 2, 0, 0, 0, DateTimeKind.Utc), sentAt: new DateTime(2030, 1, 2, 1, 30, 0, DateTimeKind.Utc), attempts: 1),
                Email($"failed{id}@test.tw", new DateTime(2030, 1, 3, 0, 0, 0, DateTimeKind.Utc), attempts: 2, error: "Connection refused"));
            await db.SaveChangesAsync();
        });
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var page = await client.GetPageAsync("/office/outbox");

        var rows = page.QuerySelectorAll("[data-testid=outbox-table] tbody tr[data-email]").Take(3).ToList();
        Assert.Equal([$"failed{id}@test.tw", $"sent{id}@test.tw", $"unsent{id}@test.tw"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Equal($"http://localhost/account/set-password?userId=unsent{id}@test.tw&token=t", rows[2].QuerySelector("[data-testid=outbox-link]")!.GetAttribute("value"));
        Assert.Equal("未寄送", rows[2].QuerySelector("[data-testid=outbox-state]")!.TextContent.Trim());
        Assert.Contains("已寄送 2030/01/02 09:30", rows[1].QuerySelector("[data-testid=outbox-state]")!.TextContent);
        Assert.Contains("失敗", rows[0].QuerySelector("[data-testid=outbox-state]")!.TextContent);
        Assert.Contains("Connection refused", rows[0].QuerySelector("[data-testid=outbox-state]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=outbox-only]"));
    }

    [Fact]
    public async Task TheOutboxShowsFiftyEmailsAPage()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Outbox.AddRange(Enumerable.Range(1, 60).Select(i => Email($"bulk{i}@test.tw", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i))));
            await db.SaveChangesAsync();
        });
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var first = await client.GetPageAsync("/office/outbox");
        var second = await client.GetPageAsync("/office/outbox?page=2");

        Assert.Equal(50, first.QuerySelectorAll("tr[data-email]").Length);
        Assert.NotEmpty(second.QuerySelectorAll("tr[data-email]"));
        Assert.Empty(first.QuerySelectorAll("tr[data-email]").Select(r => r.GetAttribute("data-email"))
            .Intersect(second.QuerySelectorAll("tr[data-email]").Select(r => r.GetAttribute("data-email"))));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/office/outbox?page=999")).StatusCode);
    }

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task OnlyTheOfficeSeesTheOutbox(string email)
    {
        using var client = await factory.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/office/outbox")).StatusCode);
    }
}
