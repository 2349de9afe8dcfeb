using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support.Pages;

/// <summary>工作進度管理清單 (/progress) and, once a project is opened, its tabs of entry kinds.</summary>
public sealed partial class ProgressPages(IPage page)
{
    public ILocator Flash => page.GetByTestId("flash");

    /// <summary>Step 1–3 as a user does them: the menu's 工作進度, the period shown first, the project's 填寫工作進度.</summary>
    public async Task OpenProjectAsync(string projectNumber)
    {
        await new SiteHeader(page).MenuLink("工作進度").ClickAsync();
        await page.Locator($"tr[data-project='{projectNumber}']")
            .GetByRole(AriaRole.Link, new() { Name = "填寫工作進度" }).ClickAsync();
        await page.WaitForPageAsync(ProjectPeriodUrl());
    }

    /// <summary>Opens one kind's list from the tabs (招募聯盟會員, 聯盟營運收入, …).</summary>
    public async Task OpenTabAsync(string label)
    {
        await page.GetByTestId("progress-tabs").GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("progress-tabs").Locator("[aria-current=page]")).ToHaveTextAsync(label);
    }

    /// <summary>The add button of the open list (新增會員, 新增營運收入, …).</summary>
    public Task AddAsync(string buttonName) => page.GetByRole(AriaRole.Link, new() { Name = buttonName, Exact = true }).ClickAsync();

    /// <summary>The row of a list table (data-testid members, income, cooperation, …) that contains the text.</summary>
    public ILocator Row(string table, string text) =>
        page.GetByTestId(table).Locator("tbody tr").Filter(new() { HasText = text });

    public static ILocator Badge(ILocator row) => row.GetByTestId("verdict").Locator(".badge");

    public static ILocator Verdict(ILocator row) => row.GetByTestId("verdict");

    /// <summary>The 選日期 button beside a date text field (date-picker.js puts both in one input group).</summary>
    public static ILocator DatePicker(ILocator field) => field.Locator("xpath=..").GetByRole(AriaRole.Button);

    /// <summary>The browser's own date input the 選日期 button opens (visually hidden).</summary>
    public static ILocator NativeDate(ILocator field) => field.Locator("xpath=..").Locator("[data-date-native]");

    public Task EditAsync(ILocator row) => row.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true }).ClickAsync();

    /// <summary>Presses 刪除 and accepts the browser's confirmation.</summary>
    public async Task DeleteAsync(ILocator row)
    {
        void Accept(object? sender, IDialog dialog) => _ = dialog.AcceptAsync();
        page.Dialog += Accept;
        try
        {
            await row.GetByRole(AriaRole.Button, new() { Name = "刪除", Exact = true }).ClickAsync();
            await Assertions.Expect(Flash).ToContainTextAsync("已刪除");
        }
        finally
        {
            page.Dialog -= Accept;
        }
    }

    /// <summary>Chooses the option whose text contains the name (member options read 「name（period）」).</summary>
    public static async Task ChooseContainingAsync(ILocator select, string text)
    {
        var value = await select.Locator("option").Filter(new() { HasText = text }).First.GetAttributeAsync("value");
        await select.SelectOptionAsync(value ?? throw new InvalidOperationException($"No option contains {text}"));
    }

    [GeneratedRegex(@"/projects/\d+/progress/\d+$")]
    private static partial Regex ProjectPeriodUrl();
}

/// <summary>A company member as typed into the 新增會員 form.</summary>
public sealed record MemberEntry(
    string Company,
    string Representative,
    string Phone,
    string City,
    string Street,
    string ContractStart,
    string ContractEnd);

/// <summary>The 新增會員 / 修改會員 form.</summary>
public sealed class MemberFormPage(IPage page)
{
    public ILocator Type => page.GetByLabel("會員類型：");
    public ILocator Basis => page.GetByLabel("會員資格：");
    public ILocator Industry => page.GetByLabel("產業類別：");
    public ILocator Paying => page.GetByLabel("收費/免費會員：");
    public ILocator Company => page.GetByLabel("入會會員公司名稱：");
    public ILocator Representative => page.GetByLabel("入會會員負責人：");
    public ILocator Phone => page.GetByLabel("入會會員電話：");
    public ILocator City => page.GetByLabel("入會會員地址：");
    public ILocator Street => page.GetByLabel("地址", new() { Exact = true });
    public ILocator Region => page.GetByLabel("會員所屬地區：");
    public ILocator ContractStart => page.GetByLabel("契約起始日：");
    public ILocator ContractEnd => page.GetByLabel("契約截止日：");
    public ILocator CompanyFields => page.GetByTestId("company-fields");
    public ILocator Capital => page.GetByLabel("企業規模：");
    public ILocator Employees => page.GetByLabel("企業員工數：");
    public ILocator IndustrialPark => page.GetByLabel("是否位屬「工業暨產業園區」：");
    public ILocator Attachment => page.GetByLabel("上傳會員契約相關資料(PDF檔)：");
    public ILocator CurrentFile => page.GetByTestId("current-file");
    public ILocator Errors => page.GetByTestId("form-errors");

    public ILocator ErrorFor(string field) => page.Locator($"[data-valmsg-for='Form.{field}']");

    /// <summary>Fills a 廠商 member with a 會員合約, paying, 電子零組件製造業, with the company-only fields.</summary>
    public async Task FillCompanyAsync(MemberEntry member)
    {
        await Type.SelectOptionAsync(new SelectOptionValue { Label = "廠商" });
        await Basis.SelectOptionAsync(new SelectOptionValue { Label = "會員合約" });
        await Industry.SelectOptionAsync("C19");
        await Paying.SelectOptionAsync(new SelectOptionValue { Label = "收費會員" });
        await Company.FillAsync(member.Company);
        await Representative.FillAsync(member.Representative);
        await Phone.FillAsync(member.Phone);
        await City.SelectOptionAsync(member.City);
        await Street.FillAsync(member.Street);
        await ContractStart.FillAsync(member.ContractStart);
        await ContractEnd.FillAsync(member.ContractEnd);
        await Capital.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Employees.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await IndustrialPark.SelectOptionAsync(new SelectOptionValue { Label = "否" });
    }

    public Task AttachAsync(string name, byte[] content) =>
        Attachment.SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = content });

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "儲存", Exact = true }).ClickAsync();
}

/// <summary>The 新增營運收入 form.</summary>
public sealed class IncomeFormPage(IPage page)
{
    public ILocator MembershipFee => page.GetByLabel("聯盟會員費收入(仟元)：");
    public ILocator Payer => page.GetByLabel("付款之聯盟會員：");
    public ILocator AccountingDate => page.GetByLabel("會計核定日期：");

    public async Task FillAsync(string payer, string membershipFee, string accountingDate)
    {
        await MembershipFee.FillAsync(membershipFee);
        await ProgressPages.ChooseContainingAsync(Payer, payer);
        await AccountingDate.FillAsync(accountingDate);
    }

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "儲存", Exact = true }).ClickAsync();
}

/// <summary>The 新增產學合作計畫 form.</summary>
public sealed class CooperationFormPage(IPage page)
{
    public ILocator Name => page.GetByLabel("計畫名稱 :");
    public ILocator Partner => page.GetByLabel("合作廠商名稱 :");
    public ILocator Budget => page.GetByLabel("計畫經費(仟元) :");
    public ILocator Basis => page.GetByLabel("計畫經費填報方式 :");
    public ILocator Receipt => page.GetByLabel("附件已另附有效領據");
    public ILocator Source => page.GetByLabel("計畫來源 :");
    public ILocator Start => page.GetByLabel("計畫執行起始日期 :");
    public ILocator End => page.GetByLabel("計畫執行截止日期 :");
    public ILocator SignedByPi => page.GetByLabel("計畫立約人為計畫主持人或共同主持人");

    public async Task FillAsync(string name, string partner, string budget, string start, string end)
    {
        await Name.FillAsync(name);
        await ProgressPages.ChooseContainingAsync(Partner, partner);
        await Budget.FillAsync(budget);
        await Source.FillAsync("科技部");
        await Start.FillAsync(start);
        await End.FillAsync(end);
        await SignedByPi.CheckAsync();
    }

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "儲存", Exact = true }).ClickAsync();
}
