using System.Net;
using AllianceKpi.Domain.Websites;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office.WebsiteChecks;

/// <summary>The portal on 2021/06/15 (Taiwan), allowed to probe loopback sites as the tests' websites live there.</summary>
public sealed class WebsiteChecksFactory : PortalFactory
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 6, 15, 2, 0, 0, TimeSpan.Zero);

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["WebsiteChecks:AllowedPrivateNetworks:0"] = "127.0.0.0/8",
        ["WebsiteChecks:Timeout"] = "00:00:05",
    };
}

public sealed class WebsiteChecksPageTests(WebsiteChecksFactory factory) : IClassFixture<WebsiteChecksFactory>, IAsyncLifetime
{
    private Personas _people = null!;

    public async Task InitializeAsync() => _people = await Personas.EnsureAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    private string RecordUrl(string? month = null) => $"/office/website-checks/{_people.DemoProjectId}/record" + (month is null ? "" : $"?month={month}");

    private Task<List<WebsiteCheck>> ChecksAsync(DateOnly month) =>
        factory.WithDbAsync(db => db.WebsiteChecks.AsNoTracking().Where(c => c.Month == month).ToListAsync());

    private Task SetWebsiteAsync(int projectId, string url) => factory.WithDbAsync(async db =>
    {
        var alliance = await db.AllianceProfiles.SingleAsync(a => a.ProjectId == projectId);
        alliance.Website = url;
        await db.SaveChangesAsync();
    });

    private static object Fields(string month, string note = "", string checkedOn = "2021/06/15", string? version = null, string probe = "", string lastUpdated = "") => new
    {
        Month = month, Opens = "true", UpdatedRecently = "false", ShowsGrantNotice = "true", LastUpdatedOn = lastUpdated, CheckedOn = checkedOn,
        Note = note, ProbeSummary = probe, Version = version ?? Guid.Empty.ToString(),
    };

    [Fact]
    public async Task TheListShowsEveryAllianceWithItsAddressForThisMonth()
    {
        await SetWebsiteAsync(_people.DemoProjectId, "https://alliance.example.tw/");
        await SetWebsiteAsync(_people.OtherProjectId, "javascript:alert(1)");
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.GetPageAsync("/office/website-checks");
        Assert.Equal("2021-06", page.QuerySelector("#month")!.GetAttribute("value"));
        var demo = page.QuerySelector($"[data-testid=alliance-{_people.DemoProjectId}]")!;
        Assert.Contains("智慧醫材示範產學聯盟", demo.TextContent);
        Assert.Equal("https://alliance.example.tw/", demo.QuerySelector("a[target=_blank]")!.GetAttribute("href"));
        Assert.Equal("尚未抽查", demo.QuerySelector("[data-testid=this-month]")!.TextContent.Trim());
        Assert.Equal($"/office/website-checks/{_people.DemoProjectId}/record?month=2021-06", demo.QuerySelector("a.btn-primary")!.GetAttribute("href"));
        var other = page.QuerySelector($"[data-testid=alliance-{_people.OtherProjectId}]")!;
        Assert.Contains("其他測試聯盟", other.TextContent);
        Assert.Contains("javascript:alert(1)", other.TextContent);
        Assert.Null(other.QuerySelector("a[target=_blank]"));
        Assert.NotNull(page.QuerySelector("nav a[href='/office/website-checks']"));
    }

    [Fact]
    public async Task AWrongMonthInTheAddressShowsThisMonthWithAMessage()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.GetPageAsync("/office/website-checks?month=2021-13");
        Assert.Equal("2021-06", page.QuerySelector("#month")!.GetAttribute("value"));
        Assert.Contains("月份格式應為 2021-06", page.QuerySelector("[data-testid=month-error]")!.TextContent);
    }

    [Fact]
    public async Task AutomaticCheckPrefillsTheFormFromTheAlliancesWebsiteWithoutSaving()
    {
        await using var site = await LocalWebsite.StartAsync();
        await SetWebsiteAsync(_people.DemoProjectId, site.Url("/moved"));
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var form = await office.GetPageAsync(RecordUrl());
        Assert.Equal("2021-06", form.ValueOf("Month"));
        Assert.Equal("2021/06/15", form.ValueOf("CheckedOn"));

        var page = await office.PostRefusedAsync($"/office/website-checks/{_people.DemoProjectId}/probe",
            new { Month = "2021-06", CheckedOn = "2021/06/15", Note = "首頁有橫幅", Opens = "false" }, RecordUrl());

        Assert.NotNull(page.QuerySelector("input[name=Opens][checked]"));
        Assert.NotNull(page.QuerySelector("input[name=ShowsGrantNotice][checked]"));
        Assert.NotNull(page.QuerySelector("input[name=UpdatedRecently][checked]"));
        Assert.Equal("2021/06/01", page.ValueOf("LastUpdatedOn"));
        Assert.Equal("首頁有橫幅", page.ValueOf("Note"));
        Assert.Contains("已找到「科技部計畫補助」", page.QuerySelector("[data-testid=probe-message]")!.TextContent);
        Assert.StartsWith("HTTP 200（經 1 次重新導向）", page.ValueOf("ProbeSummary"));
        Assert.Equal(["/moved", "/with-notice"], site.Requests);
        Assert.Empty(await ChecksAsync(new DateOnly(2021, 6, 1)));
    }

    [Fact]
    public async Task AutomaticCheckOfASiteThatFailsLeavesTheBoxesUnticked()
    {
        await using var site = await LocalWebsite.StartAsync();
        await SetWebsiteAsync(_people.OtherProjectId, site.Url("/missing"));
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.PostRefusedAsync($"/office/website-checks/{_people.OtherProjectId}/probe",
            new { Month = "2021-06", Opens = "true", ShowsGrantNotice = "true" }, $"/office/website-checks/{_people.OtherProjectId}/record");
        Assert.Null(page.QuerySelector("input[name=Opens][checked]"));
        Assert.Null(page.QuerySelector("input[name=ShowsGrantNotice][checked]"));
        Assert.Contains("HTTP 404：網站無法正常開啟。", page.QuerySelector("[data-testid=probe-message]")!.TextContent);
    }

    [Fact]
    public async Task ASavedCheckShowsInTheMonthsListAndInTheHistory()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync(RecordUrl(), Fields("2021/05", note: "最新消息停在三月", checkedOn: "2021/05/28", probe: "HTTP 200：網站可正常開啟", lastUpdated: "2021/05/20"),
            "/office/website-checks?month=2021-05", RecordUrl());

        var saved = Assert.Single(await ChecksAsync(new DateOnly(2021, 5, 1)));
        Assert.Equal(_people.DemoProjectId, saved.ProjectId);
        Assert.True(saved.Opens);
        Assert.False(saved.UpdatedRecently);
        Assert.Equal(new DateOnly(2021, 5, 20), saved.LastUpdatedOn);
        Assert.Equal("計畫辦公室", saved.CheckedByName);

        var list = await office.GetPageAsync("/office/website-checks?month=2021-05");
        Assert.Equal("已儲存 智慧醫材示範產學聯盟 2021-05 的網站抽查結果。", list.QuerySelector("[data-testid=flash]")!.TextContent);
        var result = list.QuerySelector($"[data-testid=alliance-{_people.DemoProjectId}] [data-testid=this-month]")!.TextContent;
        Assert.Contains("可正常開啟", result);
        Assert.Contains("近期未更新", result);
        Assert.Contains("有註明「科技部計畫補助」", result);
        var later = await office.GetPageAsync("/office/website-checks?month=2021-07");
        Assert.Equal("2021-05", later.QuerySelector($"[data-testid=alliance-{_people.DemoProjectId}] [data-testid=latest]")!.TextContent.Trim());

        var history = await office.GetPageAsync($"/office/website-checks/{_people.DemoProjectId}");
        var row = history.QuerySelector("[data-testid=history-2021-05]")!;
        Assert.Contains("最新消息停在三月", row.QuerySelector("[data-testid=note]")!.TextContent);
        Assert.Contains("HTTP 200：網站可正常開啟", row.QuerySelector("[data-testid=probe-summary]")!.TextContent);
        Assert.Contains("計畫辦公室", row.TextContent);
        Assert.Contains("2021/05/28", row.TextContent);
    }

    [Fact]
    public async Task RecordingAMonthAgainUpdatesItsRecordAndAStaleFormIsRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync(RecordUrl(), Fields("2021-04", note: "第一次", checkedOn: "2021/04/30"), "/office/website-checks?month=2021-04", RecordUrl());
        var form = await office.GetPageAsync(RecordUrl("2021-04"));
        Assert.Equal("第一次", form.ValueOf("Note"));
        var version = form.ValueOf("Version");

        await office.PostAcceptedAsync(RecordUrl(), Fields("2021-04", note: "第二次", checkedOn: "2021/04/30", version: version), "/office/website-checks?month=2021-04", RecordUrl());
        Assert.Equal("第二次", Assert.Single(await ChecksAsync(new DateOnly(2021, 4, 1))).Note);

        var stale = await office.PostRefusedAsync(RecordUrl(), Fields("2021-04", note: "過期的表單", checkedOn: "2021/04/30", version: version), RecordUrl());
        Assert.Contains("這個月份已有抽查紀錄", stale.FormErrors());
        Assert.Equal("過期的表單", stale.ValueOf("Note"));
        Assert.Equal("第二次", Assert.Single(await ChecksAsync(new DateOnly(2021, 4, 1))).Note);
    }

    [Fact]
    public async Task AWrongMonthATooLongNoteAndAMissingDateAreRefusedNextToTheirFields()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var note = new string('註', 501);
        var page = await office.PostRefusedAsync(RecordUrl(), Fields("2021-13", note: note, checkedOn: ""), RecordUrl());
        Assert.Equal("月份格式應為 2021-06", page.ErrorFor("Month"));
        Assert.Equal("備註最多 500 個字。", page.ErrorFor("Note"));
        Assert.Equal("請輸入抽查日期。", page.ErrorFor("CheckedOn"));
        Assert.Equal("2021-13", page.ValueOf("Month"));
        Assert.Equal(note, page.ValueOf("Note"));
        Assert.Contains("智慧醫材示範產學聯盟", page.QuerySelector("h1")!.TextContent);

        var before = await office.PostRefusedAsync(RecordUrl(), Fields("2021-03", checkedOn: "2021/02/27"), RecordUrl());
        Assert.Equal("抽查日期不可早於抽查月份。", before.ErrorFor("CheckedOn"));
        var future = await office.PostRefusedAsync(RecordUrl(), Fields("2021-03", checkedOn: "2021/03/10", lastUpdated: "2021/03/11"), RecordUrl());
        Assert.Equal("最近更新日期不可晚於抽查日期。", future.ErrorFor("LastUpdatedOn"));
        var missing = await office.PostRefusedAsync(RecordUrl(), Fields("", checkedOn: "2021/03/31"), RecordUrl());
        Assert.Equal("請輸入抽查月份。", missing.ErrorFor("Month"));
        Assert.Empty(await ChecksAsync(new DateOnly(2021, 3, 1)));
    }

    [Fact]
    public async Task ANoteOf500CharactersWithLineBreaksIsAccepted()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var note = string.Join("\r\n", Enumerable.Repeat(new string('字', 99), 5)) + new string('字', 1);
        Assert.Equal(500 + 4, note.Length);
        await office.PostAcceptedAsync(RecordUrl(), Fields("2021-02", note: note, checkedOn: "2021/02/26"), "/office/website-checks?month=2021-02", RecordUrl());
        Assert.Equal(500, Assert.Single(await ChecksAsync(new DateOnly(2021, 2, 1))).Note!.Length);
    }

    [Theory]
    [InlineData(DemoSeeder.PiEmail)]
    [InlineData(DemoSeeder.AssistantEmail)]
    public async Task PrincipalInvestigatorsAndAssistantsAreRefused(string email)
    {
        using var user = await factory.SignedInAsync(email);
        foreach (var url in new[] { "/office/website-checks", RecordUrl(), $"/office/website-checks/{_people.DemoProjectId}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync(url)).StatusCode);
        }
        foreach (var url in new[] { RecordUrl(), $"/office/website-checks/{_people.DemoProjectId}/probe" })
        {
            var response = await user.PostFormAsync(url, Fields("2021-01", checkedOn: "2021/01/29"), "/");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Empty(await ChecksAsync(new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var response = await office.Http.PostAsync(RecordUrl(), new FormUrlEncodedContent(PortalClient.ToPairs(Fields("2020-12", checkedOn: "2020/12/30"))));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ChecksAsync(new DateOnly(2020, 12, 1)));
    }

    [Fact]
    public async Task AnUnknownAllianceIsNotFound()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/office/website-checks/999999/record")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/office/website-checks/999999")).StatusCode);
    }
}
