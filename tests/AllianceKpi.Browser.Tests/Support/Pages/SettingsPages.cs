using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>功能設定 and its tabs (設定助理, 個人資料設定, 現有權限列表).</summary>
public sealed partial class SettingsPage(IPage page)
{
    [GeneratedRegex(@"/(settings|projects/\d+)/assistants$")]
    private static partial Regex AssistantsUrl();

    public ILocator Tabs => page.GetByTestId("settings-tabs");

    /// <summary>功能設定 in the main menu; it opens on 現有權限列表.</summary>
    public async Task OpenFromMenuAsync()
    {
        await new SiteHeader(page).MenuLink("功能設定").ClickAsync();
        await Assertions.Expect(Tabs).ToBeVisibleAsync();
    }

    /// <summary>The 設定助理 tab; a PI of several projects first picks the project, a PI of one goes straight to it.</summary>
    public async Task<AssistantsPage> OpenAssistantsAsync(string projectNumber)
    {
        await Tabs.GetByRole(AriaRole.Link, new() { Name = "設定助理", Exact = true }).ClickAsync();
        await page.WaitForPageAsync(AssistantsUrl());
        if (page.Url.EndsWith("/settings/assistants", StringComparison.Ordinal))
        {
            await page.GetByTestId("pi-projects").GetByRole(AriaRole.Listitem).Filter(new() { HasText = projectNumber })
                .GetByRole(AriaRole.Link, new() { Name = "設定助理" }).ClickAsync();
        }
        var assistants = new AssistantsPage(page);
        await Assertions.Expect(assistants.Project).ToContainTextAsync(projectNumber);
        return assistants;
    }
}

/// <summary>現有權限列表 (/settings/permissions): the projects of the signed-in user and their role in each.</summary>
public sealed class PermissionsPage(IPage page)
{
    public ILocator Empty => page.GetByTestId("permissions-empty");

    public ILocator Table => page.GetByTestId("permissions");

    public ILocator Row(string projectNumber) => Table.GetByRole(AriaRole.Row).Filter(new() { HasText = projectNumber });

    public Task ReloadAsync() => page.ReloadPageAsync();
}

/// <summary>設定助理 of one project (/projects/{id}/assistants).</summary>
public sealed class AssistantsPage(IPage page)
{
    public ILocator Project => page.GetByTestId("project");

    public ILocator Participants => page.GetByTestId("participants");

    public ILocator SearchResults => page.GetByTestId("search-results");

    public ILocator Participant(string email) => Participants.GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    public async Task SearchAsync(string email)
    {
        await page.GetByLabel("參與人員Email帳號查詢：").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "搜尋", Exact = true }).ClickAsync();
    }

    public Task AddAsync(string email) =>
        SearchResults.GetByRole(AriaRole.Row).Filter(new() { HasText = email })
            .GetByRole(AriaRole.Button, new() { Name = "新增", Exact = true }).ClickAsync();
}
