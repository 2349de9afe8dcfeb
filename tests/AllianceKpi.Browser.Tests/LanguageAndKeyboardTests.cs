using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

public sealed class LanguageAndKeyboardTests(BrowserHost host) : BrowserTest(host), IClassFixture<BrowserHost>
{
    [Fact]
    public Task AnEnglishUserSwitchesLanguage() => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.GoToPageAsync("/");
        var header = new SiteHeader(page);
        await Assertions.Expect(header.MenuLink("通過計畫")).ToBeVisibleAsync();

        await header.ChooseLanguageAsync("English", "en");
        await Assertions.Expect(header.MenuLink("News")).ToBeVisibleAsync();
        await Assertions.Expect(header.MenuLink("Approved projects")).ToBeVisibleAsync();
        await Assertions.Expect(header.MenuLink("Contact us")).ToBeVisibleAsync();
        await Assertions.Expect(header.MainMenu).Not.ToContainTextAsync("通過計畫");

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Host.BaseUrl + "/account/login");
        await Assertions.Expect(page.GetByLabel("E-mail", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();

        await header.ChooseLanguageAsync("中文", "zh-Hant-TW");
        await Assertions.Expect(page).ToHaveURLAsync(Host.BaseUrl + "/account/login");
        var login = new LoginPage(page);
        await Assertions.Expect(login.Email).ToBeVisibleAsync();
        await Assertions.Expect(login.SignInButton).ToBeVisibleAsync();
        await Assertions.Expect(header.MenuLink("通過計畫")).ToBeVisibleAsync();
    });

    [Fact]
    public Task TheLoginFormCanBeFilledAndSentWithTheKeyboardAlone() => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        var login = await new LoginPage(page).OpenAsync();

        await Assertions.Expect(login.Email).ToBeFocusedAsync();
        await TabUntilFocusedAsync(page, login.Email);
        await page.Keyboard.TypeAsync(DemoSeeder.PiEmail);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(login.Password).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(DemoSeeder.Password);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(login.SignInButton).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(new SiteHeader(page).SignedInAs).ToHaveTextAsync(DemoSeeder.PiEmail);
    });

    [Fact]
    public Task ArrowKeysOnTheLanguageSwitchDoNotReloadThePage() => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.GoToPageAsync("/");
        var header = new SiteHeader(page);
        await header.Language.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");

        var switchButton = page.GetByRole(AriaRole.Button, new() { Name = "切換", Exact = true });
        await Assertions.Expect(switchButton).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hant-TW");

        await switchButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    });

    /// <summary>Presses Tab until the field has the focus (none when it has it already); fails if it is never reached.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator field)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            if (await field.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("Tab never reached the field");
    }
}
