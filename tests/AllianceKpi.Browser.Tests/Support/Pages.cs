using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support;

/// <summary>Page objects: what a user does on a page, in the portal's own words.</summary>
public static class LoginPage
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("電子信箱").FillAsync(email);
        await page.GetByLabel("密碼").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登入", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }
}
