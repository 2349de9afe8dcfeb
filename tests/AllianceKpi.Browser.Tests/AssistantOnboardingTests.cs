using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

public sealed class AssistantOnboardingTests(BrowserHost host) : BrowserTest(host), IClassFixture<BrowserHost>
{
    [Fact]
    public Task AnAssistantRegistersThePiAddsThemAndTheAssistantSeesTheProject() => ScenarioAsync(async () =>
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var email = $"helper.{id}@ncku.edu.tw";
        var assistant = await NewPageAsync();
        var register = await new RegisterPage(assistant).OpenAsync();
        await register.FillAsync(new Registration(email, $"高美{id}", "成功大學", "醫學工程研究所", "06-2757575#123", "0912-345678", "Helper2021pw"));
        await register.SubmitAsync();

        await Assertions.Expect(assistant).ToHaveURLAsync(Host.BaseUrl + "/settings/permissions");
        await Assertions.Expect(new SiteHeader(assistant).Flash).ToContainTextAsync("主持人於「功能設定 > 設定助理」新增您之後");
        var permissions = new PermissionsPage(assistant);
        await Assertions.Expect(permissions.Empty).ToContainTextAsync("您的帳號目前尚未加入任何計畫");

        var pi = await NewPageAsync();
        await new LoginPage(pi).SignInAsync(DemoSeeder.PiEmail, DemoSeeder.Password);
        var settings = new SettingsPage(pi);
        await settings.OpenFromMenuAsync();
        var assistants = await settings.OpenAssistantsAsync(DemoSeeder.ProjectNumber);
        await assistants.SearchAsync(email);
        await Assertions.Expect(assistants.SearchResults).ToContainTextAsync($"高美{id}");
        await assistants.AddAsync(email);
        await Assertions.Expect(new SiteHeader(pi).Flash).ToContainTextAsync($"高美{id}");
        await Assertions.Expect(assistants.Participant(email)).ToContainTextAsync("計畫助理");

        await permissions.ReloadAsync();
        await Assertions.Expect(permissions.Row(DemoSeeder.ProjectNumber)).ToContainTextAsync("計畫助理");
        await Assertions.Expect(permissions.Empty).ToBeHiddenAsync();
    });
}
