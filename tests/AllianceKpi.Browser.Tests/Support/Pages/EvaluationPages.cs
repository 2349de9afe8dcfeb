using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>管考資料填寫: the list (Step 1–3) and one project's form for one period.</summary>
public sealed class EvaluationPage(IPage page)
{
    public static readonly string[] StudentCounts = ["undergraduates", "masters", "doctorals", "postdocs", "fullTimeAssistants"];
    public static readonly string[] Item8Numbers = ["newHires", "derivedOutputValue", "talentPlaced"];

    public ILocator State => page.GetByTestId("form-state");
    public ILocator ReturnReason => page.GetByTestId("return-reason");
    public ILocator Autosave => page.GetByTestId("autosave-status");
    public ILocator SaveButton => page.GetByRole(AriaRole.Button, new() { Name = "資料暫存", Exact = true });
    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "確定送出", Exact = true });
    public ILocator ConfirmWarnings => page.GetByLabel("我已確認上列提醒");
    public ILocator Checklist => page.GetByTestId("checklist");
    public ILocator Flash => page.GetByTestId("flash");

    /// <summary>A field by its key, e.g. item3.narrative or item10.masters (the ids the checklist links to).</summary>
    public ILocator Field(string key) => page.Locator($"[id='{key}']");

    public ILocator Counter(string key) => page.Locator($"[id='{key}.counter']");

    /// <summary>From the menu: 管考資料填寫 → the period shown first → the project's 填寫管考資料.</summary>
    public async Task OpenAsync(string projectNumber)
    {
        await new SiteHeader(page).MenuLink("管考資料填寫").ClickAsync();
        await page.Locator($"tr[data-project='{projectNumber}']").GetByRole(AriaRole.Link, new() { Name = "填寫管考資料" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("evaluation-form")).ToBeVisibleAsync();
    }

    /// <summary>Every narrative that 確定送出 needs (items 1–8) and every typed number as 0.</summary>
    public async Task FillRequiredAsync(string prefix)
    {
        for (var item = 1; item <= 8; item++)
        {
            await Field($"item{item}.narrative").FillAsync($"{prefix}：第 {item} 項執行情形說明。");
        }
        foreach (var name in Item8Numbers)
        {
            await Field($"item8.{name}").FillAsync("0");
        }
        foreach (var name in StudentCounts)
        {
            await Field($"item10.{name}").FillAsync("0");
        }
    }

    /// <summary>確定送出 after checking the warnings box when there is one, accepting the browser's confirmation.</summary>
    public async Task SubmitAsync()
    {
        if (await ConfirmWarnings.CountAsync() > 0)
        {
            await ConfirmWarnings.CheckAsync();
        }
        void Accept(object? sender, IDialog dialog) => _ = dialog.AcceptAsync();
        page.Dialog += Accept;
        try
        {
            await SubmitButton.ClickAsync();
            await Assertions.Expect(State).ToHaveTextAsync("已送出");
        }
        finally
        {
            page.Dialog -= Accept;
        }
    }
}

/// <summary>審查送出資料: the office's list and one project's review.</summary>
public sealed class ReviewPage(IPage page)
{
    public ILocator Row(string projectNumber) => page.Locator($"tr[data-project='{projectNumber}']");

    public async Task OpenAsync(string projectNumber)
    {
        await new SiteHeader(page).MenuLink("審查送出資料").ClickAsync();
        await Row(projectNumber).GetByRole(AriaRole.Link, new() { Name = "審查" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-actions")).ToBeVisibleAsync();
    }

    public async Task ReturnAsync(string reason)
    {
        var form = page.GetByTestId("action-return");
        await form.GetByLabel("原因（會寄給計畫主持人）").FillAsync(reason);
        await form.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-state")).ToHaveTextAsync("退回修改");
    }

    public async Task AcceptAsync()
    {
        await page.GetByTestId("review-actions").GetByRole(AriaRole.Button, new() { Name = "確認", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-state")).ToHaveTextAsync("已確認");
    }
}
