using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>What a new assistant types into 計畫助理註冊.</summary>
public sealed record Registration(string Email, string Name, string School, string Department, string Phone, string Mobile, string Password);

/// <summary>計畫助理註冊 (/account/register). Required fields carry a trailing * in their label.</summary>
public sealed class RegisterPage(IPage page)
{
    public async Task<RegisterPage> OpenAsync()
    {
        await page.GoToPageAsync("/account/register");
        return this;
    }

    public async Task FillAsync(Registration person)
    {
        await page.GetByLabel("電子信箱*", new() { Exact = true }).FillAsync(person.Email);
        await page.GetByLabel("姓名*", new() { Exact = true }).FillAsync(person.Name);
        await page.GetByLabel("學校*", new() { Exact = true }).FillAsync(person.School);
        await page.GetByLabel("系所*", new() { Exact = true }).FillAsync(person.Department);
        await page.GetByLabel("電話*", new() { Exact = true }).FillAsync(person.Phone);
        await page.GetByLabel("手機", new() { Exact = true }).FillAsync(person.Mobile);
        await page.GetByLabel("密碼*", new() { Exact = true }).FillAsync(person.Password);
        await page.GetByLabel("確認密碼*", new() { Exact = true }).FillAsync(person.Password);
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "註冊", Exact = true }).ClickAsync();
}
