using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>登入 (/account/login).</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.GetByLabel("電子信箱");

    public ILocator Password => page.GetByLabel("密碼", new() { Exact = true });

    public ILocator SignInButton => page.GetByRole(AriaRole.Button, new() { Name = "登入", Exact = true });

    public ILocator Errors => page.GetByTestId("form-errors");

    public async Task<LoginPage> OpenAsync()
    {
        await page.GoToPageAsync("/account/login");
        return this;
    }

    /// <summary>Opens the page, signs in and waits until the portal has taken the user elsewhere.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await OpenAsync();
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SignInButton.ClickAsync();
        await page.WaitForPageAsync(url => !url.Contains("/account/login"));
    }
}
