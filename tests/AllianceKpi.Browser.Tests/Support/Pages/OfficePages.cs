using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>匯入通過計畫與主持人帳號: the upload form (/office/projects/import) and the preview it leads to.</summary>
public sealed class ProjectImportPage(IPage page)
{
    public ILocator Summary => page.GetByTestId("preview-summary");

    public ILocator PreviewTable => page.GetByTestId("preview-table");

    public ILocator ImportError => page.GetByTestId("import-error");

    /// <summary>The confirm button; its name carries the number of rows, e.g. 確認匯入（2）.</summary>
    public ILocator ConfirmButton => page.GetByRole(AriaRole.Button, new() { Name = "確認匯入" });

    public ILocator PreviewRow(string projectNumber) => PreviewTable.GetByRole(AriaRole.Row).Filter(new() { HasText = projectNumber });

    /// <summary>The 檢查結果 cell of a row: 可匯入, or the row's errors.</summary>
    public ILocator RowResult(string projectNumber) => PreviewRow(projectNumber).GetByTestId("row-errors");

    public async Task<ProjectImportPage> OpenAsync()
    {
        await page.GoToPageAsync("/office/projects/import");
        return this;
    }

    public async Task UploadAsync(string filePath)
    {
        await page.GetByLabel("通過計畫清單檔案").SetInputFilesAsync(filePath);
        await page.GetByRole(AriaRole.Button, new() { Name = "上傳並預覽", Exact = true }).ClickAsync();
        await Assertions.Expect(PreviewTable).ToBeVisibleAsync();
    }
}

/// <summary>計畫管理 (/office/projects).</summary>
public sealed class OfficeProjectsPage(IPage page)
{
    public ILocator Table => page.GetByTestId("project-table");

    public ILocator Row(string projectNumber) => Table.GetByRole(AriaRole.Row).Filter(new() { HasText = projectNumber });

    public async Task<OfficeProjectsPage> OpenAsync()
    {
        await new SiteHeader(page).MenuLink("計畫管理").ClickAsync();
        await Assertions.Expect(Table).ToBeVisibleAsync();
        return this;
    }
}

/// <summary>寄件匣 (/office/outbox): every e-mail with the link the office may hand over.</summary>
public sealed class OutboxPage(IPage page)
{
    public ILocator Table => page.GetByTestId("outbox-table");

    public async Task<OutboxPage> OpenAsync()
    {
        await new SiteHeader(page).MenuLink("寄件匣").ClickAsync();
        await Assertions.Expect(Table).ToBeVisibleAsync();
        return this;
    }

    /// <summary>The link of the (newest) e-mail to the address, read from the page as the office would copy it.</summary>
    public Task<string> LinkForAsync(string email) =>
        Table.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).First.GetByTestId("outbox-link").InputValueAsync();
}

/// <summary>管考儀表板 (/office/cockpit): the heat-map, the anomaly flags and the KPI charts.</summary>
public sealed class CockpitPage(IPage page)
{
    public ILocator HeatMap => page.GetByTestId("heatmap");

    public ILocator Anomalies => page.GetByTestId("anomalies");

    /// <summary>The heat-map cell of a project (by 計畫編號) in a period (by its id).</summary>
    public ILocator Cell(string projectNumber, int periodId) =>
        HeatMap.Locator($"tr[data-project='{projectNumber}'] td[data-period='{periodId}']");

    /// <summary>A chart's canvas; cockpit.js marks it with data-chart-drawn once Chart.js has drawn it.</summary>
    public ILocator Chart(string id) => page.Locator($"canvas[data-chart='{id}']");

    public async Task<CockpitPage> OpenAsync()
    {
        await page.GoToPageAsync("/office/cockpit");
        return this;
    }

    /// <summary>Goes there the way the office does: through the menu.</summary>
    public async Task<CockpitPage> OpenFromMenuAsync()
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主選單" }).GetByRole(AriaRole.Link, new() { Name = "管考儀表板" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管考儀表板", Level = 1 })).ToBeVisibleAsync();
        return this;
    }
}
