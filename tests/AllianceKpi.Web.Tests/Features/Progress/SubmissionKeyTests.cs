using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Infrastructure.Submissions;
using AllianceKpi.Web.Tests.Hardening;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// A new entry's one-time key (decision 0024): the same POST twice — one after the other or racing — saves one entry and
/// answers both times with the list; a refused form keeps its key; two forms with the same content are two entries.
/// </summary>
public sealed class SubmissionKeyTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private async Task<(PortalClient Client, string ListUrl)> MembersAsync()
    {
        var people = await Personas.EnsureAsync(factory);
        var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        return (client, await EntryPages.ListUrlAsync(factory, people, "members"));
    }

    private static string KeyOf(IHtmlDocument page) =>
        (page.QuerySelector($"input[name='{OneTimeSubmissions.Field}']") as IHtmlInputElement)?.Value ?? "";

    private static async Task<string> NewKeyAsync(PortalClient client, string listUrl) => KeyOf(await client.GetPageAsync(listUrl + "/new"));

    private Task<int> CountAsync(string company) =>
        factory.WithDbAsync(db => db.AllianceMembers.CountAsync(m => m.CompanyName == company));

    private static Dictionary<string, string> Keyed(Dictionary<string, string> fields, string key)
    {
        fields[OneTimeSubmissions.Field] = key;
        return fields;
    }

    [Theory]
    [InlineData("members")]
    [InlineData("income")]
    [InlineData("cooperation")]
    [InlineData("tech-transfers")]
    [InlineData("technical-services")]
    [InlineData("promotion")]
    [InlineData("member-services")]
    [InlineData("derived-results")]
    public async Task EveryNewEntryFormCarriesItsOwnKeyAndNoEditFormDoes(string slug)
    {
        var people = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var listUrl = await EntryPages.ListUrlAsync(factory, people, slug);

        var first = await NewKeyAsync(client, listUrl);
        var second = await NewKeyAsync(client, listUrl);

        Assert.True(Guid.TryParse(first, out var key) && key != Guid.Empty, $"{slug}: no key on the new form");
        Assert.NotEqual(first, second);
        var kind = ProgressBadInputTests.Kinds.Single(k => k.Slug == slug);
        var text = kind.Texts[0].Name;
        var fields = Keyed(kind.Valid(), first);
        fields["Form." + text] = $"金鑰表單{slug}";
        var response = await PostAsync(client, listUrl + "/new", fields, listUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Assert.Single(await factory.WithDbAsync(db => Task.FromResult(ProgressBadInputTests.IdsWith(db, kind.Entity, text, $"金鑰表單{slug}"))));
        Assert.Equal("", KeyOf(await client.GetPageAsync($"{listUrl}/{id}/edit")));
    }

    [Fact]
    public async Task TheSamePostTwiceSavesOneEntryAndAnswersBothTimesWithTheListAndTheSameMessage()
    {
        var (client, listUrl) = await MembersAsync();
        using var signedIn = client;
        var key = await NewKeyAsync(client, listUrl);
        var fields = Keyed(Company("重送兩次精密公司"), key);

        var (first, firstList) = await EntryPages.SendAsync(client, listUrl, "/new", fields);
        var (second, secondList) = await EntryPages.SendAsync(client, listUrl, "/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Contains("已儲存", EntryPages.Flash(firstList));
        Assert.Equal(EntryPages.Flash(firstList), EntryPages.Flash(secondList));
        Assert.Equal(1, await CountAsync("重送兩次精密公司"));
        var recorded = await factory.WithDbAsync(db => db.SubmissionKeys.AsNoTracking().SingleAsync(k => k.Key == Guid.Parse(key)));
        var id = await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == "重送兩次精密公司").Select(m => m.Id).SingleAsync());
        Assert.Equal(("progress/members", id), (recorded.Kind, recorded.EntityId));
    }

    [Fact]
    public async Task TwoRacingPostsWithTheSameKeySaveOneEntryAndBothAnswerWithTheList()
    {
        var (client, listUrl) = await MembersAsync();
        using var signedIn = client;
        var key = await NewKeyAsync(client, listUrl);
        var token = await client.TokenAsync(listUrl + "/new");
        var fields = Keyed(Company("同時送出精密公司"), key);
        fields["__RequestVerificationToken"] = token;

        MultipartFormDataContent Body()
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                content.Add(new StringContent(value), name);
            }
            return content;
        }
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.Http.PostAsync(listUrl + "/new", Body())));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Equal(1, await CountAsync("同時送出精密公司"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.SubmissionKeys.CountAsync(k => k.Key == Guid.Parse(key))));
    }

    [Fact]
    public async Task ARefusedFormKeepsItsKeySoTheCorrectedPostIsSavedOnce()
    {
        var (client, listUrl) = await MembersAsync();
        using var signedIn = client;
        var key = await NewKeyAsync(client, listUrl);

        var (refused, form) = await EntryPages.SendAsync(client, listUrl, "/new", Keyed(Company("更正後儲存精密公司").With("Representative", ""), key));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEqual("", ErrorFor(form, "Representative"));
        Assert.Equal(key, KeyOf(form));
        var corrected = Keyed(Company("更正後儲存精密公司"), KeyOf(form));
        var (saved, _) = await EntryPages.SendAsync(client, listUrl, "/new", corrected);
        var (again, _) = await EntryPages.SendAsync(client, listUrl, "/new", corrected);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await CountAsync("更正後儲存精密公司"));
    }

    [Fact]
    public async Task TwoFormsWithTheSameContentAreTwoEntries()
    {
        var (client, listUrl) = await MembersAsync();
        using var signedIn = client;
        var firstKey = await NewKeyAsync(client, listUrl);
        var secondKey = await NewKeyAsync(client, listUrl);

        var (first, _) = await EntryPages.SendAsync(client, listUrl, "/new", Keyed(Company("兩筆相同精密公司"), firstKey));
        var (second, _) = await EntryPages.SendAsync(client, listUrl, "/new", Keyed(Company("兩筆相同精密公司"), secondKey));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(2, await CountAsync("兩筆相同精密公司"));
    }

    [Fact]
    public async Task AFormWithoutAKeyIsSavedAsBeforeAndAnotherUsersKeyIsNotTheirs()
    {
        var (client, listUrl) = await MembersAsync();
        using var signedIn = client;
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var key = await NewKeyAsync(client, listUrl);

        var (withoutKey, _) = await EntryPages.SendAsync(client, listUrl, "/new", Company("舊分頁精密公司"));
        var (mine, _) = await EntryPages.SendAsync(client, listUrl, "/new", Keyed(Company("他人金鑰精密公司"), key));
        var (theirs, _) = await EntryPages.SendAsync(pi, listUrl, "/new", Keyed(Company("他人金鑰精密公司"), key));

        Assert.Equal(HttpStatusCode.Redirect, withoutKey.StatusCode);
        Assert.Equal(1, await CountAsync("舊分頁精密公司"));
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (mine.StatusCode, theirs.StatusCode));
        Assert.Equal(2, await CountAsync("他人金鑰精密公司"));
    }

    [Fact]
    public async Task TheSaveThatMeetsAKeyAlreadyRecordedKeepsNothingAndAnswersWithTheFirstEntry()
    {
        // What the loser of a race sees: its look-up found nothing, then the key's primary key stops its save.
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AssistantEmail).Select(u => u.Id).SingleAsync());
        var claim = new SubmissionClaim(Guid.NewGuid(), userId, "progress/members", people.DemoProjectId);

        async Task<(int? Earlier, int Id)> SaveAsync() => await factory.WithDbAsync(async db =>
        {
            var member = Member(people.DemoProjectId, periodId, "搶先儲存精密公司");
            db.AllianceMembers.Add(member);
            var once = new OneTimeSubmissions(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<OneTimeSubmissions>.Instance);
            return (await once.SaveOnceAsync(claim, () => member.Id, CancellationToken.None), member.Id);
        });
        var first = await SaveAsync();
        var second = await SaveAsync();

        Assert.Null(first.Earlier);
        Assert.Equal(first.Id, second.Earlier);
        var ids = await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == "搶先儲存精密公司").Select(m => m.Id).ToListAsync());
        Assert.Equal([first.Id], ids);
    }
}
