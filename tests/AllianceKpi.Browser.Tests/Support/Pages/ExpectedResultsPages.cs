using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>預期成果資料填寫: one project's form for the programme year.</summary>
public sealed class ExpectedResultsPage(IPage page)
{
    public const string MembershipFee = "item3.membershipFeeIncome";
    public const string TechnicalService = "item3.technicalServiceIncome";
    public const string Other = "item3.otherIncome";

    /// <summary>總收入(系統自動加總), as the page's script shows it.</summary>
    public ILocator TotalIncome => page.GetByTestId("total-income");
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "資料暫存", Exact = true });
    public ILocator Flash => page.GetByTestId("flash");

    /// <summary>A target or note by its key, e.g. item3.otherIncome.</summary>
    public ILocator Field(string key) => page.Locator($"[id='{key}']");

    public async Task OpenAsync(int projectId, int periodId)
    {
        await page.GoToPageAsync($"/projects/{projectId}/expected-results/{periodId}");
        await Assertions.Expect(page.GetByTestId("expected-results-form")).ToBeVisibleAsync();
    }

    /// <summary>Types into a field key by key, as a user does (input events fire per character).</summary>
    public async Task TypeAsync(string key, string text)
    {
        await Field(key).ClearAsync();
        await Field(key).PressSequentiallyAsync(text);
    }
}
