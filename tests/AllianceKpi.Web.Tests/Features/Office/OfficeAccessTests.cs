using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>Only the office reaches the office pages: project members get 403, visitors are sent to sign in.</summary>
public sealed class OfficeAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Ids(int Year, int Period, int News, int Qa);

    private async Task<Ids> IdsAsync() => await factory.WithDbAsync(async db => new Ids(
        await db.ProgrammeYears.Where(y => y.Year == DemoSeeder.Year).Select(y => y.Id).SingleAsync(),
        await db.ReportingPeriods.Select(p => p.Id).FirstAsync(),
        await db.News.Select(n => n.Id).FirstAsync(),
        await db.QaEntries.Select(q => q.Id).FirstAsync()));

    private static string[] Pages(Ids ids) =>
    [
        "/office", "/office/years", "/office/years/new", $"/office/years/{ids.Year}/edit", $"/office/years/{ids.Year}/periods/new",
        $"/office/periods/{ids.Period}/edit", "/office/news", "/office/news/new", $"/office/news/{ids.News}/edit",
        "/office/qa", "/office/qa/new", $"/office/qa/{ids.Qa}/edit",
    ];

    private static string[] Posts(Ids ids) =>
    [
        "/office/years/new", $"/office/years/{ids.Year}/edit", $"/office/years/{ids.Year}/periods/new",
        $"/office/periods/{ids.Period}/edit", $"/office/periods/{ids.Period}/open", $"/office/periods/{ids.Period}/close",
        "/office/news/new", $"/office/news/{ids.News}/edit", $"/office/news/{ids.News}/delete",
        "/office/qa/new", $"/office/qa/{ids.Qa}/edit", $"/office/qa/{ids.Qa}/delete",
    ];

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task ProjectMembersGet403OnEveryOfficePage(string email)
    {
        var ids = await IdsAsync();
        using var client = await factory.SignedInAsync(email);
        foreach (var url in Pages(ids))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} as {email}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task ProjectMembersGet403OnEveryOfficePostAndNothingChanges(string email)
    {
        var ids = await IdsAsync();
        using var client = await factory.SignedInAsync(email);
        var fields = new { Title = "不應出現", Body = "x", PublishedOn = "2021/01/01", Question = "不應出現", Answer = "x", SortOrder = "1", Year = "2030" };
        foreach (var url in Posts(ids))
        {
            var response = await client.PostFormAsync(url, fields, tokenPage: "/");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {url} as {email}: {(int)response.StatusCode}");
        }
        Assert.True(await factory.WithDbAsync(db => db.News.AnyAsync(n => n.Id == ids.News)));
        Assert.True(await factory.WithDbAsync(db => db.QaEntries.AnyAsync(q => q.Id == ids.Qa)));
        Assert.False(await factory.WithDbAsync(db => db.News.AnyAsync(n => n.Title == "不應出現")));
        Assert.False(await factory.WithDbAsync(db => db.ProgrammeYears.AnyAsync(y => y.Year == 2030)));
    }

    [Fact]
    public async Task VisitorsAreSentToSignInFromEveryOfficePageAndPost()
    {
        var ids = await IdsAsync();
        using var client = factory.NewClient();
        foreach (var url in Pages(ids))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url}: {(int)response.StatusCode}");
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        }
        foreach (var url in Posts(ids))
        {
            var response = await client.PostFormAsync(url, new { Title = "x" }, tokenPage: "/");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url}: {(int)response.StatusCode}");
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task OfficeOfficerReachesEveryOfficePage()
    {
        var ids = await IdsAsync();
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        foreach (var url in Pages(ids))
        {
            await client.GetPageAsync(url);
        }
    }

    [Fact]
    public async Task OfficePagesAnswer404ForIdsThatDoNotExist()
    {
        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        foreach (var url in new[] { "/office/years/999999/edit", "/office/years/999999/periods/new", "/office/periods/999999/edit", "/office/news/999999/edit", "/office/qa/999999/edit" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }
        var fields = new { Title = "t", Body = "b", PublishedOn = "2021/01/01", Question = "q", Answer = "a", SortOrder = "1", Name = "n", OpensOn = "2021/01/01", Deadline = "2021/02/01", State = "Planned", Kind = "FinalReport" };
        foreach (var url in new[] { "/office/news/999999/edit", "/office/news/999999/delete", "/office/qa/999999/edit", "/office/qa/999999/delete", "/office/periods/999999/edit", "/office/periods/999999/open", "/office/years/999999/periods/new" })
        {
            var response = await client.PostFormAsync(url, fields, tokenPage: "/office");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {(int)response.StatusCode}");
        }
        Assert.False(await factory.WithDbAsync(db => db.News.AnyAsync(n => n.Title == "t")));
    }
}
