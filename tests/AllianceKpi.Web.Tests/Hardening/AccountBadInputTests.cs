using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Account;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Hardening.PlainForms;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>Sign-in, registration, 個人資料設定 and 聯盟基本資訊 fed bad input: a message per field, nothing changed, hostile text kept exactly.</summary>
public sealed class AccountBadInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The account whose profile the walk edits, so the demo accounts stay as they are.</summary>
    private const string ProfileEmail = "bad.input.profile@test.tw";

    private static Task<string> Fixed(string url) => Task.FromResult(url);

    private static async Task<PortalClient> ProfileOwnerAsync(PortalFactory factory)
    {
        if (await AccountTestData.FindAsync(factory, ProfileEmail) is null)
        {
            await AccountTestData.CreateAsync(factory, ProfileEmail, name: "壞輸入帳號");
        }
        return await factory.SignedInAsync(ProfileEmail, AccountTestData.Password);
    }

    private static async Task<string> AllianceUrlAsync(PortalFactory factory) =>
        $"/projects/{(await Personas.EnsureAsync(factory)).DemoProjectId}/alliance";

    public static readonly PlainForm[] Forms =
    [
        new("sign-in", f => Task.FromResult(f.NewClient()), _ => Fixed("/account/login"),
            (_, _) => Task.FromResult(new Dictionary<string, string> { ["Email"] = DemoSeeder.PiEmail, ["Password"] = "Wrong2021pw" }),
            async db => string.Join("|", await db.Users.Select(u => u.AccessFailedCount).ToListAsync()),
            _ => Fixed("/account/login")),
        new("registration", f => Task.FromResult(f.NewClient()), _ => Fixed("/account/register"),
            (_, _) => Task.FromResult(new Dictionary<string, string>
            {
                ["Email"] = AccountTestData.NewEmail("bad"), ["DisplayName"] = "高美", ["School"] = "成功大學", ["Department"] = "醫工所",
                ["Phone"] = "06-3345678#9999", ["Mobile"] = "0912-345678", ["Password"] = "Assist2021pw", ["ConfirmPassword"] = "Assist2021pw",
            }),
            async db => (await db.Users.CountAsync()).ToString(),
            _ => Fixed("/settings/profile")),
        new("profile", ProfileOwnerAsync, _ => Fixed("/settings/profile"),
            (_, _) => Task.FromResult(new Dictionary<string, string>
            {
                ["Email"] = ProfileEmail, ["BackupEmail"] = "backup@mail.ncku.edu.tw", ["DisplayName"] = "高美", ["School"] = "成功大學",
                ["Department"] = "醫工所", ["Phone"] = "06-3345678#9999", ["Mobile"] = "0922-123456",
            }),
            async db => string.Join("|", await db.Users.Where(u => u.Email == ProfileEmail)
                .Select(u => u.Email + u.BackupEmail + u.DisplayName + u.School + u.Department + u.PhoneNumber).ToListAsync()),
            _ => Fixed("/settings/profile")),
        new("alliance settings", f => f.SignedInAsync(DemoSeeder.PiEmail), AllianceUrlAsync,
            async (client, url) =>
            {
                var page = await client.GetPageAsync(url);
                return new Dictionary<string, string>
                {
                    ["Version"] = page.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? "",
                    ["AllianceName"] = "智慧醫材產學聯盟", ["Website"] = "http://medtech.example.tw", ["Introduction"] = "推動醫材產學合作。",
                    ["HowToJoin"] = "填寫入會申請書。", ["ContactName"] = "高美", ["ContactPhone"] = "06-3345678#9999",
                    ["ContactEmail"] = "contact@medtech.example.tw", ["PrimaryIndustryCode"] = "C20", ["SecondaryIndustryCode1"] = "M6",
                    ["SecondaryIndustryCode2"] = "",
                };
            },
            async db => string.Join("|", (await db.AllianceProfiles
                .Where(a => db.Projects.Any(p => p.Id == a.ProjectId && p.Number == DemoSeeder.ProjectNumber))
                .Select(a => new { a.Version, a.AllianceName, a.Introduction, a.HowToJoin, a.Website }).ToListAsync())
                .Select(a => $"{a.Version}{a.AllianceName}{a.Introduction}{a.HowToJoin}{a.Website}")),
            AllianceUrlAsync),
    ];

    public static readonly IReadOnlyList<BadInput> Cases =
    [
        .. TextCases("sign-in", "Email", 256, true, false),
        .. TextCases("sign-in", "Password", 128, true, false),
        // Shaped like an address, so it is checked as one and gets the form's single message.
        Refused("sign-in", "Email: script tag", "", ("Email", "<script>alert('x')</script>@x.tw")),
        Refused("sign-in", "Email: SQL-looking text", "Email", ("Email", "' OR 1=1 --")),
        Refused("sign-in", "Email: not an address", "Email", ("Email", "王小明")),

        .. TextCases("registration", "Email", 256, true, false),
        .. TextCases("registration", "DisplayName", 100, true, true, allHostile: true),
        .. TextCases("registration", "School", 100, true, true),
        .. TextCases("registration", "Department", 100, true, false),
        .. TextCases("registration", "Phone", 50, true, false),
        .. TextCases("registration", "Password", 128, true, false),
        Refused("registration", "Email: script tag", "Email", ("Email", "<script>alert('x')</script>")),
        Refused("registration", "Email: SQL-looking text", "Email", ("Email", "a'; DROP TABLE \"AspNetUsers\"; --@x.tw")),
        Refused("registration", "Phone: letters", "Phone", ("Phone", "abc")),
        Refused("registration", "Mobile: wrong format", "Mobile", ("Mobile", "12345")),
        Refused("registration", "ConfirmPassword: different", "ConfirmPassword", ("ConfirmPassword", "Other2021pw")),
        Refused("registration", "Email: taken", "Email", ("Email", DemoSeeder.PiEmail)),

        .. TextCases("profile", "Email", 256, true, false),
        .. TextCases("profile", "BackupEmail", 256, true, false),
        .. TextCases("profile", "DisplayName", 100, true, true, allHostile: true),
        .. TextCases("profile", "School", 100, true, true),
        .. TextCases("profile", "Department", 100, true, true),
        .. TextCases("profile", "Phone", 50, true, false),
        Refused("profile", "Email: taken by another account", "Email", ("Email", DemoSeeder.PiEmail)),
        Refused("profile", "BackupEmail: not an address", "BackupEmail", ("BackupEmail", "<b>備用</b>")),
        Refused("profile", "Mobile: wrong format", "Mobile", ("Mobile", "０９１２")),

        .. TextCases("alliance settings", "AllianceName", 200, true, true, allHostile: true),
        .. TextCases("alliance settings", "Introduction", 2000, false, true),
        .. TextCases("alliance settings", "HowToJoin", 2000, false, true),
        .. TextCases("alliance settings", "Website", 500, false, false),
        .. TextCases("alliance settings", "ContactName", 100, false, false),
        .. TextCases("alliance settings", "ContactPhone", 50, false, false),
        Refused("alliance settings", "Website: javascript address", "Website", ("Website", "javascript:alert(1)")),
        Refused("alliance settings", "ContactEmail: not an address", "ContactEmail", ("ContactEmail", "聯絡人")),
        Refused("alliance settings", "PrimaryIndustryCode: empty", "PrimaryIndustryCode", ("PrimaryIndustryCode", "")),
        Refused("alliance settings", "PrimaryIndustryCode: forged", "PrimaryIndustryCode", ("PrimaryIndustryCode", "ZZ'--")),
    ];

    public static IEnumerable<object[]> Rows() => BadInputs.Rows(Cases);

    [Theory]
    [MemberData(nameof(Rows))]
    public Task TheFormHandlesTheBadInput(string form, string name) =>
        RunAsync(factory, Forms.Single(f => f.Name == form), BadInputs.Find(Cases, form, name));
}
