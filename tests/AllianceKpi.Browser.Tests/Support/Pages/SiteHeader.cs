using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>The header every page shares: language switch, who is signed in, sign-out, main menu, and the flash message under it.</summary>
public sealed class SiteHeader(IPage page)
{
    private ILocator Banner => page.GetByRole(AriaRole.Banner);

    /// <summary>The language drop-down, found by its role so it works in either language.</summary>
    public ILocator Language => Banner.GetByRole(AriaRole.Combobox);

    public ILocator MainMenu => Banner.GetByRole(AriaRole.Navigation);

    public ILocator SignedInAs => page.GetByTestId("signed-in-as");

    public ILocator Flash => page.GetByTestId("flash");

    public ILocator MenuLink(string name) => MainMenu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Chooses a language by its visible name; the drop-down submits itself and the page comes back in that language.</summary>
    public async Task ChooseLanguageAsync(string optionLabel, string expectedHtmlLang)
    {
        await Language.SelectOptionAsync(new SelectOptionValue { Label = optionLabel });
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", expectedHtmlLang);
    }

    public async Task SignOutAsync()
    {
        await Banner.GetByRole(AriaRole.Button, new() { Name = "登出", Exact = true }).ClickAsync();
        await Assertions.Expect(Flash).ToHaveTextAsync("您已登出。");
    }
}
