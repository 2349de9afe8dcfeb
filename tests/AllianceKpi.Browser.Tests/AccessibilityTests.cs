using System.Text.RegularExpressions;
using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AllianceKpi.Browser.Tests;

/// <summary>
/// axe-core on the main pages (no serious or critical violation, every field named) and the member form filled and saved with
/// the keyboard alone, on 2021/06/01 when the first report accepts entries.
/// </summary>
public sealed class AccessibilityTests(ProgressBrowserHost host, ITestOutputHelper output) : BrowserTest(host), IClassFixture<ProgressBrowserHost>
{
    private readonly List<AxeViolation> _violations = [];
    private readonly List<string> _unlabelled = [];

    private async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadedAsync();
        _violations.AddRange(await Axe.RunAsync(page, name));
        _unlabelled.AddRange(await Axe.UnlabelledFieldsAsync(page, name));
    }

    /// <summary>Fails listing every violation found (the minor and moderate ones too, as context) when one is serious or critical.</summary>
    private void AssertAccessible()
    {
        foreach (var violation in _violations)
        {
            output.WriteLine(violation.ToString());
        }
        var blocking = _violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0,
            $"{blocking.Count} serious or critical axe violation(s):\n" + string.Join("\n", blocking)
            + "\nOthers:\n" + string.Join("\n", _violations.Except(blocking)));
        Assert.True(_unlabelled.Count == 0, "Fields without an accessible name:\n" + string.Join("\n", _unlabelled));
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync(bypassCsp: true);
        await new LoginPage(page).SignInAsync(email, DemoSeeder.Password);
        return page;
    }

    [Fact]
    public Task TheHomeAndLoginPagesHaveNoSeriousViolations() => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync(bypassCsp: true);
        await page.GoToPageAsync("/");
        await CheckAsync(page, "home");
        await new LoginPage(page).OpenAsync();
        await CheckAsync(page, "login");
        AssertAccessible();
    });

    [Fact]
    public Task TheProgressListMemberFormAndEvaluationFormHaveNoSeriousViolations() => ScenarioAsync(async () =>
    {
        var page = await SignedInAsync(DemoSeeder.AssistantEmail);
        await new SiteHeader(page).MenuLink("工作進度").ClickAsync();
        await page.WaitForPageAsync(new Regex("/progress"));
        await CheckAsync(page, "progress list");

        var progress = new ProgressPages(page);
        await progress.OpenProjectAsync(DemoSeeder.ProjectNumber);
        await progress.OpenTabAsync("招募聯盟會員");
        await CheckAsync(page, "member list");
        await progress.AddAsync("新增會員");
        await Assertions.Expect(new MemberFormPage(page).Company).ToBeVisibleAsync();
        await CheckAsync(page, "member form");
        await page.GetByRole(AriaRole.Button, new() { Name = "儲存", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Form.CompanyName']")).Not.ToBeEmptyAsync();
        await CheckAsync(page, "member form with errors");

        await new EvaluationPage(page).OpenAsync(DemoSeeder.ProjectNumber);
        await CheckAsync(page, "evaluation form");
        AssertAccessible();
    });

    [Fact]
    public Task TheOfficeCockpitHasNoSeriousViolations() => ScenarioAsync(async () =>
    {
        var page = await SignedInAsync(DemoSeeder.OfficeEmail);
        var cockpit = await new CockpitPage(page).OpenAsync();
        await Assertions.Expect(cockpit.Chart("overall")).ToHaveAttributeAsync("data-chart-drawn", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await CheckAsync(page, "office cockpit");
        AssertAccessible();
    });

    [Fact]
    public Task AtPhoneWidthTheHomeMemberFormAndCockpitHaveNoSeriousViolations() => ScenarioAsync(async () =>
    {
        var page = await SignedInAsync(DemoSeeder.AssistantEmail);
        await page.SetViewportSizeAsync(390, 844);
        await page.GoToPageAsync("/");
        await CheckAsync(page, "home (phone)");
        var progress = new ProgressPages(page);
        await page.GoToPageAsync("/progress");
        await page.Locator($"tr[data-project='{DemoSeeder.ProjectNumber}']").GetByRole(AriaRole.Link, new() { Name = "填寫工作進度" }).ClickAsync();
        await progress.OpenTabAsync("招募聯盟會員");
        await progress.AddAsync("新增會員");
        await Assertions.Expect(new MemberFormPage(page).Company).ToBeVisibleAsync();
        await CheckAsync(page, "member form (phone)");

        var office = await SignedInAsync(DemoSeeder.OfficeEmail);
        await office.SetViewportSizeAsync(390, 844);
        await new CockpitPage(office).OpenAsync();
        await Assertions.Expect(new CockpitPage(office).HeatMap).ToBeVisibleAsync();
        await CheckAsync(office, "office cockpit (phone)");
        AssertAccessible();
    });

    [Fact]
    public Task TheChecksFindAnUnlabelledFieldAndFaintText() => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync(bypassCsp: true);
        await page.GoToPageAsync("/");
        await page.EvaluateAsync("""
            () => document.querySelector('main').insertAdjacentHTML('beforeend',
                '<input id="a11y-probe"><p style="color:#d0d0d0;background:#fff">淡色文字</p>')
            """);

        var violations = await Axe.RunAsync(page, "probe");
        Assert.Contains(violations, v => v is { Rule: "label", Impact: "critical" });
        Assert.Contains(violations, v => v is { Rule: "color-contrast", Impact: "serious" });
        Assert.Single(await Axe.UnlabelledFieldsAsync(page, "probe"));
    });

    [Fact]
    public Task TheMemberFormIsFilledAndSavedWithTheKeyboardAlone() => ScenarioAsync(async () =>
    {
        var company = $"鍵盤精機{Guid.NewGuid().ToString("N")[..6]}股份有限公司";
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(DemoSeeder.AssistantEmail, DemoSeeder.Password);
        var progress = new ProgressPages(page);
        await progress.OpenProjectAsync(DemoSeeder.ProjectNumber);
        await progress.OpenTabAsync("招募聯盟會員");
        await progress.AddAsync("新增會員");
        var form = new MemberFormPage(page);
        await Assertions.Expect(form.Company).ToBeVisibleAsync();

        // From here on only keys: Tab to each field in the page's order, type into text fields, arrow through selects.
        await ChooseWithArrowsAsync(page, form.Type, "廠商");
        await ChooseWithArrowsAsync(page, form.Basis, "會員合約");
        await ChooseWithArrowsAsync(page, form.Industry, "C19");
        await ChooseWithArrowsAsync(page, form.Paying, "收費會員");
        await TypeIntoAsync(page, form.Company, company);
        await TypeIntoAsync(page, form.Representative, "林小華");
        await TypeIntoAsync(page, form.Phone, "06-2757575");
        await ChooseWithArrowsAsync(page, form.City, "臺南市");
        await TypeIntoAsync(page, form.Street, "東區大學路1號");
        await TypeIntoAsync(page, form.ContractStart, "2021/03/01");
        await TypeIntoAsync(page, form.ContractEnd, "2021/12/31");
        await Assertions.Expect(form.CompanyFields).ToBeVisibleAsync();
        await ChooseWithArrowsAsync(page, form.Capital, null);
        await ChooseWithArrowsAsync(page, form.Employees, null);
        await ChooseWithArrowsAsync(page, form.IndustrialPark, "否");
        await TabUntilFocusedAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "儲存", Exact = true }));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(progress.Flash).ToHaveTextAsync("已儲存：列計");
        var row = progress.Row("members", company);
        await Assertions.Expect(row).ToContainTextAsync("林小華");
        await Assertions.Expect(ProgressPages.Badge(row)).ToHaveTextAsync("列計");
    });

    /// <summary>Presses Tab until the element has the focus (none when it has it already); fails if it is never reached.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator element)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await element.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("Tab never reached " + await element.EvaluateAsync<string>("e => e.outerHTML.slice(0, 120)"));
    }

    private static async Task TypeIntoAsync(IPage page, ILocator field, string text)
    {
        await TabUntilFocusedAsync(page, field);
        await page.Keyboard.TypeAsync(text);
        await Assertions.Expect(field).ToHaveValueAsync(text);
    }

    /// <summary>Tabs to a closed select and presses ArrowDown until the chosen option's text contains the text (any option when null).</summary>
    private static async Task ChooseWithArrowsAsync(IPage page, ILocator select, string? text)
    {
        await TabUntilFocusedAsync(page, select);
        for (var presses = 0; presses < 120; presses++)
        {
            var chosen = await select.EvaluateAsync<string>("s => s.value ? s.options[s.selectedIndex].text : ''");
            if (chosen.Length > 0 && (text is null || chosen.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }
            await page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.Fail($"ArrowDown never chose {text}");
    }
}
