using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

/// <summary>
/// Never lose typed work: the page warns before the sign-in runs out and extends it on request; text typed when it has run
/// out stays in the browser and is back in the form after signing in again; the same form sent twice adds one entry.
/// </summary>
public sealed class SessionAndDraftTests(ProgressBrowserHost host) : BrowserTest(host), IClassFixture<ProgressBrowserHost>
{
    private const string AuthCookie = "AllianceKpi.Auth";

    /// <summary>The assistant, signed in, with a new company member typed into the form and not saved yet.</summary>
    private async Task<(IPage Page, ProgressPages Progress, MemberFormPage Form)> NewMemberTypedAsync(string company, string representative)
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.AssistantEmail, DemoSeeder.Password);
        var progress = new ProgressPages(page);
        await progress.OpenProjectAsync(DemoSeeder.ProjectNumber);
        await progress.OpenTabAsync("招募聯盟會員");
        await progress.AddAsync("新增會員");
        var form = new MemberFormPage(page);
        await form.FillCompanyAsync(new MemberEntry(company, representative, "06-2757575", "臺南市", "東區大學路1號", "2021/03/01", "2021/12/31"));
        return (page, progress, form);
    }

    [Fact]
    public Task TheWarningComesBeforeTheSignInEndsAndExtendingItPutsTheEndOff() => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.Clock.InstallAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.AssistantEmail, DemoSeeder.Password);
        var progress = new ProgressPages(page);
        await progress.OpenProjectAsync(DemoSeeder.ProjectNumber);
        var warning = page.GetByTestId("session-warning");
        await Assertions.Expect(warning).ToBeHiddenAsync();

        await page.Clock.FastForwardAsync("01:54:00");
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await page.Clock.FastForwardAsync("00:01:30");
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(warning).ToContainTextAsync("尚未儲存的內容可能遺失");

        var extended = await page.RunAndWaitForResponseAsync(
            () => warning.GetByRole(AriaRole.Button, new() { Name = "延長登入" }).ClickAsync(),
            response => response.Url.EndsWith("/account/session/extend", StringComparison.Ordinal));
        Assert.Equal(200, extended.Status);
        await Assertions.Expect(warning).ToBeHiddenAsync();

        // Two more hours from the extension, not from the sign-in.
        await page.Clock.FastForwardAsync("01:30:00");
        await Assertions.Expect(warning).ToBeHiddenAsync();
        await page.Clock.FastForwardAsync("00:31:00");
        await Assertions.Expect(warning).ToContainTextAsync("登入已逾時");
        await Assertions.Expect(warning.GetByRole(AriaRole.Link, new() { Name = "重新登入" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task TextTypedWhenTheSignInHasRunOutIsBackInTheFormAfterSigningInAgain() => ScenarioAsync(async () =>
    {
        var company = $"逾時還原{Guid.NewGuid().ToString("N")[..6]}股份有限公司";
        var (page, progress, form) = await NewMemberTypedAsync(company, "陳逾時");

        // The sign-in runs out while the user types; saving now leads to the sign-in page.
        await page.Context.ClearCookiesAsync(new() { Name = AuthCookie });
        await form.SaveAsync();
        await page.WaitForPageAsync(url => url.Contains("/account/login"));
        var login = new LoginPage(page);
        await login.Email.FillAsync(DemoSeeder.AssistantEmail);
        await login.Password.FillAsync(DemoSeeder.Password);
        await login.SignInButton.ClickAsync();

        await page.WaitForPageAsync(url => url.EndsWith("/members/new", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("draft-notice")).ToContainTextAsync("已還原您在");
        await Assertions.Expect(form.Company).ToHaveValueAsync(company);
        await Assertions.Expect(form.Representative).ToHaveValueAsync("陳逾時");
        await Assertions.Expect(form.Region).ToHaveValueAsync("South");
        await Assertions.Expect(form.CompanyFields).ToBeVisibleAsync();

        await form.SaveAsync();
        await Assertions.Expect(progress.Flash).ToHaveTextAsync("已儲存：列計");
        await Assertions.Expect(progress.Row("members", company)).ToHaveCountAsync(1);

        // Saved: the draft is gone, the next new form starts empty.
        await progress.AddAsync("新增會員");
        await Assertions.Expect(form.Company).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("draft-notice")).ToBeHiddenAsync();
    });

    [Fact]
    public Task ADraftOfARecordThatChangedSinceIsOfferedNotForced() => ScenarioAsync(async () =>
    {
        var company = $"版本不同{Guid.NewGuid().ToString("N")[..6]}有限公司";
        var (page, progress, form) = await NewMemberTypedAsync(company, "林版本");
        await form.SaveAsync();
        await Assertions.Expect(progress.Flash).ToHaveTextAsync("已儲存：列計");
        var row = progress.Row("members", company);

        // Typed into the edit form and left without saving ...
        await progress.EditAsync(row);
        var editUrl = page.Url;
        await form.Representative.FillAsync("林未存");
        await page.WaitForTimeoutAsync(500);

        // ... while the PI changed the same member.
        var pi = await NewPageAsync();
        await new LoginPage(pi).SignInAsync(DemoSeeder.PiEmail, DemoSeeder.Password);
        await pi.GoToPageAsync(editUrl);
        var piForm = new MemberFormPage(pi);
        await piForm.ContractEnd.FillAsync("2022/06/30");
        await piForm.SaveAsync();
        await Assertions.Expect(new ProgressPages(pi).Flash).ToContainTextAsync("已儲存");

        await page.GoToPageAsync(editUrl);
        var notice = page.GetByTestId("draft-notice");
        await Assertions.Expect(notice).ToContainTextAsync("之後已被修改");
        await Assertions.Expect(form.Representative).ToHaveValueAsync("林版本");
        await Assertions.Expect(form.ContractEnd).ToHaveValueAsync("2022/06/30");
        await notice.GetByRole(AriaRole.Button, new() { Name = "還原暫存內容" }).ClickAsync();
        await Assertions.Expect(form.Representative).ToHaveValueAsync("林未存");
    });

    [Fact]
    public Task TheSameNewMemberFormSentTwiceAtOnceAddsOneMember() => ScenarioAsync(async () =>
    {
        var company = $"連點兩次{Guid.NewGuid().ToString("N")[..6]}股份有限公司";
        var (page, progress, _) = await NewMemberTypedAsync(company, "連小明");

        // What a double click or a resend does: the form's own fields, its one-time key among them, posted twice before any answer.
        var answers = await page.EvaluateAsync<string[]>("""
            async () => {
                const form = document.querySelector("form[data-member-form]");
                const send = () => fetch(form.action, { method: "POST", body: new FormData(form), redirect: "manual" }).then(r => r.type);
                return Promise.all([send(), send()]);
            }
            """);

        Assert.Equal(["opaqueredirect", "opaqueredirect"], answers);
        await page.GoToPageAsync(page.Url[..^"/new".Length]);
        await Assertions.Expect(progress.Row("members", company)).ToHaveCountAsync(1);
    });
}
