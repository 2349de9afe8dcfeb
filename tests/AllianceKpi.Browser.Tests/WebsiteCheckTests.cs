using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

/// <summary>The portal on 2021/06/15 (Taiwan), allowed to probe the loopback site the test starts.</summary>
public sealed class WebsiteCheckBrowserHost : BrowserHost
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 6, 15, 2, 0, 0, TimeSpan.Zero);

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["WebsiteChecks:AllowedPrivateNetworks:0"] = "127.0.0.0/8",
    };
}

public sealed class WebsiteCheckTests(WebsiteCheckBrowserHost host) : BrowserTest(host), IClassFixture<WebsiteCheckBrowserHost>
{
    [Fact]
    public Task TheOfficeChecksAnAllianceWebsiteAutomaticallyAndSavesTheResult() => ScenarioAsync(async () =>
    {
        await using var site = await LocalWebsite.StartAsync();
        await Host.WithDbAsync(async db =>
        {
            var alliance = await db.AllianceProfiles.SingleAsync(a => a.ProjectId == Host.People.DemoProjectId);
            alliance.Website = site.Url("/with-notice");
            await db.SaveChangesAsync();
        });
        var office = await NewPageAsync();
        await new LoginPage(office).SignInAsync(DemoSeeder.OfficeEmail, DemoSeeder.Password);
        await new SiteHeader(office).MenuLink("網站抽查").ClickAsync();
        await Assertions.Expect(office.GetByTestId("checked-count")).ToHaveTextAsync("2021-06 已抽查 0 個聯盟，共 2 個。");

        var row = office.GetByTestId($"alliance-{Host.People.DemoProjectId}");
        await row.GetByRole(AriaRole.Link, new() { Name = "記錄" }).ClickAsync();
        await office.GetByLabel("備註").FillAsync("首頁橫幅清楚");
        await office.GetByRole(AriaRole.Button, new() { Name = "自動檢查" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("probe-message")).ToContainTextAsync("已找到「科技部計畫補助」");
        await Assertions.Expect(office.GetByLabel("網站可正常開啟")).ToBeCheckedAsync();
        await Assertions.Expect(office.GetByLabel("首頁清楚註明「科技部計畫補助」")).ToBeCheckedAsync();
        await Assertions.Expect(office.GetByLabel("最近更新日期")).ToHaveValueAsync("2021/06/01");
        await Assertions.Expect(office.GetByLabel("備註")).ToHaveValueAsync("首頁橫幅清楚");

        await office.GetByRole(AriaRole.Button, new() { Name = "儲存" }).ClickAsync();
        await Assertions.Expect(new SiteHeader(office).Flash).ToHaveTextAsync("已儲存 智慧醫材示範產學聯盟 2021-06 的網站抽查結果。");
        await Assertions.Expect(office.GetByTestId("checked-count")).ToHaveTextAsync("2021-06 已抽查 1 個聯盟，共 2 個。");
        await Assertions.Expect(row.GetByTestId("this-month")).ToContainTextAsync("可正常開啟");

        await row.GetByRole(AriaRole.Link, new() { Name = "歷史紀錄" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("history-2021-06")).ToContainTextAsync("首頁橫幅清楚");
    });
}
