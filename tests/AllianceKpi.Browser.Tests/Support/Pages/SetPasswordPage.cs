using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>設定密碼, opened from the link of an issued account's e-mail.</summary>
public sealed class SetPasswordPage(IPage page)
{
    public async Task SetAsync(string password)
    {
        await page.GetByLabel("新密碼*", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("確認新密碼*", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "設定密碼", Exact = true }).ClickAsync();
    }
}
