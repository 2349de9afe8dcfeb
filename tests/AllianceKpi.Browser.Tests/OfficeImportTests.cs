using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

public sealed class OfficeImportTests(BrowserHost host) : BrowserTest(host), IClassFixture<BrowserHost>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public Task TheOfficeImportsTwoProjectsAndTheNewPiSetsAPasswordAndSignsIn() => ScenarioAsync(async () =>
    {
        var id = Unique();
        var (first, second) = ($"B{id}-1", $"B{id}-2");
        var firstPi = $"chen.{id}@nthu.edu.tw";
        using var csv = CsvFile.Write("通過計畫清單.csv", CsvFile.ApprovedProjectsHeader,
            [first, "綠能材料產學小聯盟", "2021", "陳綠能", firstPi, "國立清華大學", "材料科學工程學系"],
            [second, "智慧農業產學小聯盟", "110", "林農", $"lin.{id}@ntu.edu.tw", "國立臺灣大學", "生物機電工程學系"]);

        var office = await NewPageAsync();
        await new LoginPage(office).SignInAsync(DemoSeeder.OfficeEmail, DemoSeeder.Password);
        var import = await new ProjectImportPage(office).OpenAsync();
        await import.UploadAsync(csv.Path);
        await Assertions.Expect(import.Summary).ToContainTextAsync("共 2 個計畫可匯入，將新增 2 個主持人帳號");
        await Assertions.Expect(import.RowResult(first)).ToHaveTextAsync("可匯入");
        await Assertions.Expect(import.RowResult(second)).ToHaveTextAsync("可匯入");
        await Assertions.Expect(import.PreviewRow(second)).ToContainTextAsync("110 → 2021");
        await import.ConfirmButton.ClickAsync();

        var projects = new OfficeProjectsPage(office);
        await Assertions.Expect(new SiteHeader(office).Flash).ToHaveTextAsync("已匯入 2 個計畫，新增 2 個主持人帳號");
        await Assertions.Expect(projects.Row(first)).ToContainTextAsync("尚未設定密碼");
        await Assertions.Expect(projects.Row(second)).ToContainTextAsync("智慧農業產學小聯盟");
        var link = await (await new OutboxPage(office).OpenAsync()).LinkForAsync(firstPi);
        Assert.StartsWith(Host.BaseUrl + "/account/set-password?", link);

        var pi = await NewPageAsync();
        await pi.GoToPageAsync(link);
        await new SetPasswordPage(pi).SetAsync("Green2021pw");
        var header = new SiteHeader(pi);
        await Assertions.Expect(header.Flash).ToContainTextAsync("密碼設定完成");
        await Assertions.Expect(header.SignedInAs).ToHaveTextAsync(firstPi);
        await Assertions.Expect(new PermissionsPage(pi).Row(first)).ToContainTextAsync("計畫主持人");

        await header.SignOutAsync();
        await Assertions.Expect(header.SignedInAs).ToBeHiddenAsync();
        await new LoginPage(pi).SignInAsync(firstPi, "Green2021pw");
        await Assertions.Expect(header.SignedInAs).ToHaveTextAsync(firstPi);
    });

    [Fact]
    public Task ABadImportRowShowsItsErrorAndImportsNothing() => ScenarioAsync(async () =>
    {
        var id = Unique();
        var (good, bad) = ($"E{id}-1", $"E{id}-2");
        using var csv = CsvFile.Write("有錯誤的清單.csv", CsvFile.ApprovedProjectsHeader,
            [good, "正確的計畫", "2021", "周正確", $"chou.{id}@ncku.edu.tw", "國立成功大學", "化學工程學系"],
            [bad, "有錯的計畫", "2030", "許信箱", "not-an-email", "國立成功大學", "化學工程學系"]);
        var projectsBefore = await Host.WithDbAsync(db => db.Projects.CountAsync());

        var office = await NewPageAsync();
        await new LoginPage(office).SignInAsync(DemoSeeder.OfficeEmail, DemoSeeder.Password);
        var import = await new ProjectImportPage(office).OpenAsync();
        await import.UploadAsync(csv.Path);
        await Assertions.Expect(import.Summary).ToContainTextAsync("共 2 列，其中 1 列有錯誤");
        await Assertions.Expect(import.RowResult(good)).ToHaveTextAsync("可匯入");
        await Assertions.Expect(import.RowResult(bad)).ToContainTextAsync("Email「not-an-email」格式不正確。");
        await Assertions.Expect(import.RowResult(bad)).ToContainTextAsync("年度 2030 尚未建立");
        await Assertions.Expect(import.ConfirmButton).ToBeDisabledAsync();

        var projects = await new OfficeProjectsPage(office).OpenAsync();
        await Assertions.Expect(projects.Row(DemoSeeder.ProjectNumber)).ToBeVisibleAsync();
        await Assertions.Expect(projects.Table).Not.ToContainTextAsync(good);
        await Assertions.Expect(projects.Table).Not.ToContainTextAsync(bad);
        Assert.Equal(projectsBefore, await Host.WithDbAsync(db => db.Projects.CountAsync()));
    });
}
