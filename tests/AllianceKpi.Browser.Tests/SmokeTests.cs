using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Browser.Tests.Support.Pages;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

public sealed class SmokeTests(BrowserHost host) : BrowserTest(host), IClassFixture<BrowserHost>
{
    [Fact]
    public Task AVisitorSeesTheNewsAndThePrincipalInvestigatorSignsIn() => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.GoToPageAsync("/");
        var news = await page.Locator("[data-testid=news-list] li").AllInnerTextsAsync();
        Assert.Contains(news, n => n.Contains("2020科技部產學小聯盟成果專刊"));

        await new LoginPage(page).SignInAsync(DemoSeeder.PiEmail, DemoSeeder.Password);
        Assert.Equal(DemoSeeder.PiEmail, await page.Locator("[data-testid=signed-in-as]").InnerTextAsync());
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "功能設定" }).IsVisibleAsync());
    });

    [Fact]
    public Task AWrongPasswordShowsTheMessageAndKeepsTheEmail() => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.GoToPageAsync("/account/login");
        await page.GetByLabel("電子信箱").FillAsync(DemoSeeder.PiEmail);
        await page.GetByLabel("密碼").FillAsync("wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登入", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=form-errors]")).ToContainTextAsync("電子信箱或密碼不正確");
        Assert.Equal(DemoSeeder.PiEmail, await page.GetByLabel("電子信箱").InputValueAsync());
    });
}
