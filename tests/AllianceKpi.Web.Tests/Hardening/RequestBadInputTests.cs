using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Infrastructure.Submissions;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Hardening.BadInputs;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>
/// Bad requests rather than bad fields, on every entry kind and every plain form: a missing or foreign anti-forgery token (400),
/// another project's id in the address (403/404), malformed and oversized multipart bodies, refused files, and the same POST
/// twice (an edit meets the version check; a new entry's one-time key makes the second POST answer as the first did, decision
/// 0024). Never a 5xx, never a row written or changed.
/// </summary>
public sealed class RequestBadInputTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    public const string Form = "requests";

    private static readonly string[] EntryCases =
    [
        "no anti-forgery token", "token of another session", "another project's address", "malformed multipart body",
        "multipart body without boundary", "oversized multipart body", "file over 10 MB", "executable named .pdf", "same edit posted twice",
        "same new entry posted twice",
    ];

    private static readonly string[] PlainCases = ["no anti-forgery token", "token of another session"];

    /// <summary>Forms whose anti-forgery the walk checks (the website check's month needs no clock here, the others none).</summary>
    private static IEnumerable<PlainForm> PlainFormsChecked => AccountBadInputTests.Forms.Concat(OfficeBadInputTests.Forms);

    public static IReadOnlyList<BadInput> Cases { get; } =
    [
        .. ProgressBadInputTests.Kinds.SelectMany(k => EntryCases.Select(c => new BadInput(k.Slug, c, new Dictionary<string, string>(), Expect.Refused, ""))),
        .. PlainFormsChecked.SelectMany(f => PlainCases.Select(c => new BadInput(f.Name, c, new Dictionary<string, string>(), Expect.Refused, ""))),
        new("members", "another project's member edited", new Dictionary<string, string>(), Expect.Refused, ""),
        new("members", "another project's member deleted", new Dictionary<string, string>(), Expect.Refused, ""),
        new("registration", "same registration posted twice", new Dictionary<string, string>(), Expect.Refused, "Email"),
        new("programme year", "same year posted twice", new Dictionary<string, string>(), Expect.Refused, "Year"),
    ];

    public static IEnumerable<object[]> Rows() => BadInputs.Rows(Cases);

    private async Task<string> SnapshotAsync(EntryKindSpec kind) => await factory.WithDbAsync(async db =>
        string.Join("|", await db.AllianceMembers.CountAsync(), await db.OperatingIncomes.CountAsync(),
            await db.CooperationProjects.CountAsync(), await db.TechTransfers.CountAsync(), await db.TechnicalServices.CountAsync(),
            await db.PromotionActivities.CountAsync(), await db.MemberServices.CountAsync(), await db.DerivedResults.CountAsync(),
            await db.Attachments.CountAsync(), kind.Slug));

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task TheBadRequestIsRefusedAndChangesNothing(string form, string name)
    {
        var what = $"{form} / {name}";
        if (ProgressBadInputTests.Kinds.SingleOrDefault(k => k.Slug == form) is { } kind && EntryCases.Contains(name))
        {
            await EntryCaseAsync(kind, name, what);
        }
        else if (PlainFormsChecked.SingleOrDefault(f => f.Name == form) is { } plain && PlainCases.Contains(name))
        {
            await PlainCaseAsync(plain, name, what);
        }
        else
        {
            await SpecialCaseAsync(name, what);
        }
    }

    private async Task EntryCaseAsync(EntryKindSpec kind, string name, string what)
    {
        var people = await Personas.EnsureAsync(factory);
        var listUrl = await EntryPages.ListUrlAsync(factory, people, kind.Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var token = await client.TokenAsync(listUrl);
        var fields = kind.Valid();
        var before = await SnapshotAsync(kind);
        HttpResponseMessage response;
        switch (name)
        {
            case "no anti-forgery token":
                response = await client.Http.PostAsync(listUrl + "/new", Multipart(fields, null));
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                break;
            case "token of another session":
                using (var other = await factory.SignedInAsync(DemoSeeder.PiEmail))
                {
                    response = await client.Http.PostAsync(listUrl + "/new", Multipart(fields, await other.TokenAsync(listUrl)));
                }
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                break;
            case "another project's address":
                var otherUrl = listUrl.Replace($"/projects/{people.DemoProjectId}/", $"/projects/{people.OtherProjectId}/", StringComparison.Ordinal);
                response = await client.Http.PostAsync(otherUrl + "/new", Multipart(fields, token));
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{what}: got {(int)response.StatusCode}");
                break;
            case "malformed multipart body":
                var broken = new ByteArrayContent(Encoding.UTF8.GetBytes(
                    $"--XyZ\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"Form.Name\"\r\n\r\n半截"));
                broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XyZ");
                response = await client.Http.PostAsync(listUrl + "/new", broken);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                break;
            case "multipart body without boundary":
                var unbounded = new ByteArrayContent(Encoding.UTF8.GetBytes($"__RequestVerificationToken={token}"));
                unbounded.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
                response = await client.Http.PostAsync(listUrl + "/new", unbounded);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                break;
            case "oversized multipart body":
                var huge = Multipart(fields, token);
                var filler = new ByteArrayContent(new byte[21 * 1024 * 1024]);
                filler.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                huge.Add(filler, "Form.Attachment", "巨大.pdf");
                response = await client.Http.PostAsync(listUrl + "/new", huge);
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{what}: got {(int)response.StatusCode}");
                break;
            case "file over 10 MB":
                response = await MemberTestData.PostAsync(client, listUrl + "/new", fields, listUrl, ("太大.pdf", ProgressTestData.Pdf(10 * 1024 * 1024 + 200_000)));
                await RefusedWithMessageAsync(response, "Form.Attachment", what);
                break;
            case "executable named .pdf":
                response = await MemberTestData.PostAsync(client, listUrl + "/new", fields, listUrl, ("報告.pdf", ProgressTestData.Exe()));
                await RefusedWithMessageAsync(response, "Form.Attachment", what);
                break;
            case "same edit posted twice":
                var text = kind.Texts[0].Name;
                var unique = $"重送測試{kind.Slug}";
                fields["Form." + text] = unique;
                var created = await MemberTestData.PostAsync(client, listUrl + "/new", fields, listUrl);
                Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
                before = await SnapshotAsync(kind);
                var id = Assert.Single(await factory.WithDbAsync(db => Task.FromResult(ProgressBadInputTests.IdsWith(db, kind.Entity, text, unique))));
                var editUrl = $"{listUrl}/{id}/edit";
                var edit = await client.GetPageAsync(editUrl);
                var version = edit.QuerySelector("input[name='Form.Version']")?.GetAttribute("value") ?? "";
                var again = new Dictionary<string, string>(fields) { ["Form.Version"] = version };
                var first = await MemberTestData.PostAsync(client, editUrl, again, editUrl);
                response = await MemberTestData.PostAsync(client, editUrl, again, editUrl);
                Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
                NoServerError(response, what);
                break;
            case "same new entry posted twice":
                var field = kind.Texts[0].Name;
                var content = $"重複新增{kind.Slug}";
                fields["Form." + field] = content;
                var form = await client.GetPageAsync(listUrl + "/new");
                fields[OneTimeSubmissions.Field] = form.QuerySelector($"input[name='{OneTimeSubmissions.Field}']")?.GetAttribute("value") ?? "";
                var once = await MemberTestData.PostAsync(client, listUrl + "/new", fields, listUrl);
                Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
                before = await SnapshotAsync(kind);
                response = await MemberTestData.PostAsync(client, listUrl + "/new", fields, listUrl);
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected the list again (302), got {(int)response.StatusCode}");
                Assert.Equal(once.Headers.Location, response.Headers.Location);
                Assert.Single(await factory.WithDbAsync(db => Task.FromResult(ProgressBadInputTests.IdsWith(db, kind.Entity, field, content))));
                break;
            default:
                throw new InvalidOperationException(what);
        }
        NoServerError(response, what);
        Assert.Equal(before, await SnapshotAsync(kind));
    }

    private async Task PlainCaseAsync(PlainForm form, string name, string what)
    {
        using var client = await form.Client(factory);
        var url = await form.Url(factory);
        var fields = await form.Valid(client, url);
        var before = await factory.WithDbAsync(form.Snapshot);
        string? token = null;
        if (name == "token of another session")
        {
            using var other = factory.NewClient();
            token = await other.TokenAsync("/account/login");
        }
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: expected 400, got {(int)response.StatusCode}");
        Assert.Equal(before, await factory.WithDbAsync(form.Snapshot));
    }

    private async Task SpecialCaseAsync(string name, string what)
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await MemberTestData.PeriodAsync(factory);
        switch (name)
        {
            case "another project's member edited" or "another project's member deleted":
                var member = MemberTestData.Member(people.OtherProjectId, periodId, "他案不可改公司");
                await factory.WithDbAsync(async db =>
                {
                    db.AllianceMembers.Add(member);
                    await db.SaveChangesAsync();
                });
                using (var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail))
                {
                    var own = $"{MemberTestData.Base(people.DemoProjectId, periodId)}/members";
                    var theirs = $"{MemberTestData.Base(people.OtherProjectId, periodId)}/members";
                    var fields = MemberTestData.Company("改名成功公司");
                    foreach (var url in name.EndsWith("edited", StringComparison.Ordinal)
                        ? new[] { $"{own}/{member.Id}/edit", $"{theirs}/{member.Id}/edit" }
                        : [$"{own}/{member.Id}/delete", $"{theirs}/{member.Id}/delete"])
                    {
                        var response = await MemberTestData.PostAsync(client, url, fields, own);
                        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{what} {url}: got {(int)response.StatusCode}");
                    }
                }
                var after = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == member.Id));
                Assert.NotNull(after);
                Assert.Equal(("他案不可改公司", member.Version), (after.CompanyName, after.Version));
                break;
            case "same registration posted twice":
                var registration = AccountBadInputTests.Forms.Single(f => f.Name == "registration");
                using (var visitor = factory.NewClient())
                {
                    var fields = await registration.Valid(visitor, "/account/register");
                    var token = await visitor.TokenAsync("/account/register");
                    var body = fields.Append(new("__RequestVerificationToken", token)).ToList();
                    var before = await factory.WithDbAsync(db => db.Users.CountAsync());
                    var first = await visitor.Http.PostAsync("/account/register", new FormUrlEncodedContent(body));
                    var second = await visitor.Http.PostAsync("/account/register", new FormUrlEncodedContent(body));
                    Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
                    NoServerError(second, what);
                    Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Users.CountAsync()));
                    Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == fields["Email"])));
                }
                break;
            case "same year posted twice":
                using (var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail))
                {
                    var token = await office.TokenAsync("/office/years/new");
                    var body = new Dictionary<string, string>
                    {
                        ["Version"] = Guid.Empty.ToString(), ["Year"] = "2070", ["ProjectStart"] = "2070/01/01", ["ProjectEnd"] = "2071/01/31",
                        ["IncomeStart"] = "2070/02/01", ["IncomeEnd"] = "2071/01/31", ["CooperationStart"] = "2070/01/01",
                        ["CooperationEnd"] = "2071/01/31", ["MemberCutoff"] = "2070/10/31", ["__RequestVerificationToken"] = token,
                    };
                    var first = await office.Http.PostAsync("/office/years/new", new FormUrlEncodedContent(body));
                    var second = await office.Http.PostAsync("/office/years/new", new FormUrlEncodedContent(body));
                    Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
                    await RefusedWithMessageAsync(second, "Year", what);
                    Assert.Equal(1, await factory.WithDbAsync(db => db.ProgrammeYears.CountAsync(y => y.Year == 2070)));
                }
                break;
            default:
                throw new InvalidOperationException(what);
        }
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, string? token)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        if (token is not null)
        {
            content.Add(new StringContent(token), "__RequestVerificationToken");
        }
        return content;
    }
}
