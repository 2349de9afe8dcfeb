using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Hardening.BadInputs;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>
/// 助理設定 has no text to type: its bad input is a forged account id (empty, hostile text, huge, unknown, another project's)
/// and another project's address. Never a 5xx, refused (403/404, or back to the list with a message), no membership changed.
/// </summary>
public sealed class AssistantsBadInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public const string Form = "assistants";

    /// <summary>Where the forged id goes: added, removed, or either on the other project's address.</summary>
    private static readonly (string Name, string Action, string UserId)[] Table =
    [
        ("add: empty id", "add", ""),
        ("add: SQL-looking id", "add", "' OR 1=1 --"),
        ("add: script tag as id", "add", "<script>alert('x')</script>"),
        ("add: 10 000-character id", "add", new string('a', 10_000)),
        ("add: unknown account", "add", "00000000-0000-0000-0000-000000000000"),
        ("add: the office's account", "add", "{office}"),
        ("add: on another project's address", "add-other", "{helper}"),
        ("remove: SQL-looking id", "remove", "' OR 1=1 --"),
        ("remove: another project's assistant", "remove", "{other-assistant}"),
        ("remove: the PI", "remove", "{pi}"),
        ("remove: on another project's address", "remove-other", "{other-assistant}"),
    ];

    public static readonly IReadOnlyList<BadInput> Cases =
        Table.Select(t => new BadInput(Form, t.Name, new Dictionary<string, string> { ["userId"] = t.UserId }, Expect.Refused, "userId")).ToList();

    public static IEnumerable<object[]> Rows() => BadInputs.Rows(Cases);

    private async Task<string> ResolveAsync(string id) => id switch
    {
        "{office}" => await Personas.UserIdAsync(factory, DemoSeeder.OfficeEmail),
        "{pi}" => await Personas.UserIdAsync(factory, DemoSeeder.PiEmail),
        "{other-assistant}" => await Personas.UserIdAsync(factory, Personas.OtherAssistantEmail),
        "{helper}" => (await Features.Account.AccountTestData.FindAsync(factory, "bad.input.helper@test.tw")
            ?? await Features.Account.AccountTestData.CreateAsync(factory, "bad.input.helper@test.tw")).Id,
        _ => id,
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task TheForgedIdIsRefusedAndNoMembershipChanges(string form, string name)
    {
        var input = Find(Cases, form, name);
        var action = Table.Single(t => t.Name == name).Action;
        var people = await Personas.EnsureAsync(factory);
        var userId = await ResolveAsync(input.Changes["userId"]);
        var own = $"/projects/{people.DemoProjectId}/assistants";
        var project = action.EndsWith("-other", StringComparison.Ordinal) ? $"/projects/{people.OtherProjectId}/assistants" : own;
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        Task<string> Snapshot() => factory.WithDbAsync(async db => string.Join("|",
            (await db.ProjectMembers.Select(m => new { m.ProjectId, m.UserId, m.Role }).ToListAsync())
            .Select(m => $"{m.ProjectId}:{m.UserId}:{m.Role}").Order(StringComparer.Ordinal)));
        var before = await Snapshot();

        var response = action.StartsWith("add", StringComparison.Ordinal)
            ? await pi.PostFormAsync($"{project}/add", new Dictionary<string, string> { ["userId"] = userId }, own)
            : await pi.PostFormAsync($"{project}/{Uri.EscapeDataString(userId)}/remove", [], own);

        var what = $"{form} / {name}";
        NoServerError(response, what);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var list = await pi.GetPageAsync(response.Headers.Location!.OriginalString);
            Assert.True((list.QuerySelector("[data-testid=flash-error]")?.TextContent.Trim() ?? "").Length > 0, $"{what}: redirected without a message");
        }
        else
        {
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest,
                $"{what}: got {(int)response.StatusCode}");
        }
        Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot());
    }
}
