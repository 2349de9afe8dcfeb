using System.Text;
using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

/// <summary>
/// 工作進度 in a real browser on 2021/06/01 (the first report accepts entries; cutoff 2021/10/31): the assistant's quarter
/// with verdicts that change as the contract changes, the PI seeing the same entries, and a refused upload that keeps the form.
/// </summary>
public sealed class WorkProgressTests(ProgressBrowserHost host) : BrowserTest(host), IClassFixture<ProgressBrowserHost>
{
    private static byte[] Pdf(int size = 0)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.4\n% 會員契約\n");
        var bytes = new byte[Math.Max(size, head.Length + 16)];
        head.CopyTo(bytes, 0);
        return bytes;
    }

    private static MemberEntry Member(string company, string contractEnd = "2021/12/31") =>
        new(company, "王小明", "06-2757575", "臺南市", "東區大學路1號", "2021/03/01", contractEnd);

    private async Task<(IPage Page, ProgressPages Progress)> SignedInAtProjectAsync(string email)
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(email, DemoSeeder.Password);
        var progress = new ProgressPages(page);
        await progress.OpenProjectAsync(DemoSeeder.ProjectNumber);
        return (page, progress);
    }

    [Fact]
    public Task AnAssistantReportsAQuarterTheVerdictsFollowTheContractAndThePiSeesTheSameEntries() => ScenarioAsync(async () =>
    {
        var company = $"台南精密機械{Guid.NewGuid().ToString("N")[..6]}股份有限公司";
        const string fileName = "會員契約 #1 100%.pdf";
        var (assistant, progress) = await SignedInAtProjectAsync(DemoSeeder.AssistantEmail);

        // A company member with its signed contract: the region follows the city, the company fields show.
        await progress.OpenTabAsync("招募聯盟會員");
        await progress.AddAsync("新增會員");
        var form = new MemberFormPage(assistant);
        await form.FillCompanyAsync(Member(company));
        await Assertions.Expect(form.Region).ToHaveValueAsync("South");
        await Assertions.Expect(form.CompanyFields).ToBeVisibleAsync();
        await form.AttachAsync(fileName, Pdf());
        await form.SaveAsync();

        await Assertions.Expect(progress.Flash).ToHaveTextAsync("已儲存：列計");
        var row = progress.Row("members", company);
        await Assertions.Expect(ProgressPages.Badge(row)).ToHaveTextAsync("列計");
        var download = await assistant.RunAndWaitForDownloadAsync(() => row.GetByTestId("download").ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);

        // The contract now ends before the cutoff: not counted, and the reason names both dates.
        await progress.EditAsync(row);
        await Assertions.Expect(form.CurrentFile).ToContainTextAsync(fileName);
        await form.ContractEnd.FillAsync("2021/09/30");
        await form.SaveAsync();

        await Assertions.Expect(progress.Flash).ToContainTextAsync("已儲存：不列計");
        await Assertions.Expect(ProgressPages.Badge(row)).ToHaveTextAsync("不列計");
        await Assertions.Expect(ProgressPages.Badge(row)).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("2021/09/30.*2021/10/31"));
        await Assertions.Expect(ProgressPages.Verdict(row)).ToContainTextAsync("契約截止日 2021/09/30");

        // Income paid by that member, inside the accounting window.
        await progress.OpenTabAsync("聯盟營運收入");
        await progress.AddAsync("新增營運收入");
        var income = new IncomeFormPage(assistant);
        await income.FillAsync(company, "50", "2021/05/01");
        await income.SaveAsync();
        await Assertions.Expect(progress.Flash).ToHaveTextAsync("已儲存：列計");
        var incomeRow = progress.Row("income", company);
        await Assertions.Expect(incomeRow).ToContainTextAsync("2021/05/01");

        // A cooperation project with the member: its contract covers the start, so it counts although the member does not.
        await progress.OpenTabAsync("衍生產學合作計畫");
        await progress.AddAsync("新增產學合作計畫");
        var cooperation = new CooperationFormPage(assistant);
        await cooperation.FillAsync("精密量測產學合作", company, "300", "2021/04/01", "2021/12/31");
        await cooperation.SaveAsync();
        await Assertions.Expect(progress.Flash).ToHaveTextAsync("已儲存：列計");
        await Assertions.Expect(ProgressPages.Badge(progress.Row("cooperation", "精密量測產學合作"))).ToHaveTextAsync("列計");

        // The income was a mistake: delete it.
        await progress.OpenTabAsync("聯盟營運收入");
        await progress.DeleteAsync(incomeRow);
        await Assertions.Expect(incomeRow).ToHaveCountAsync(0);

        // The PI opens the same project and period and sees what the assistant left.
        var (pi, piProgress) = await SignedInAtProjectAsync(DemoSeeder.PiEmail);
        await piProgress.OpenTabAsync("招募聯盟會員");
        var piRow = piProgress.Row("members", company);
        await Assertions.Expect(piRow).ToContainTextAsync("2021/09/30");
        await Assertions.Expect(ProgressPages.Badge(piRow)).ToHaveTextAsync("不列計");
        await piProgress.OpenTabAsync("衍生產學合作計畫");
        await Assertions.Expect(ProgressPages.Badge(piProgress.Row("cooperation", "精密量測產學合作"))).ToHaveTextAsync("列計");
        await piProgress.OpenTabAsync("聯盟營運收入");
        await Assertions.Expect(pi.GetByText(company)).ToHaveCountAsync(0);
    });

    [Fact]
    public Task AnOversizedContractIsRefusedNextToItsFieldAndEverythingTypedStays() => ScenarioAsync(async () =>
    {
        var company = $"超大附件{Guid.NewGuid().ToString("N")[..6]}有限公司";
        var (page, progress) = await SignedInAtProjectAsync(DemoSeeder.AssistantEmail);
        await progress.OpenTabAsync("招募聯盟會員");
        await progress.AddAsync("新增會員");
        var form = new MemberFormPage(page);
        await form.FillCompanyAsync(Member(company, "2022/02/28"));
        await form.AttachAsync("掃描檔.pdf", Pdf(10 * 1024 * 1024 + 1));
        await form.SaveAsync();

        await Assertions.Expect(form.ErrorFor("Attachment")).ToContainTextAsync("檔案大小限制10MB，上傳的檔案為 10.1MB");
        await Assertions.Expect(form.Company).ToHaveValueAsync(company);
        await Assertions.Expect(form.Representative).ToHaveValueAsync("王小明");
        await Assertions.Expect(form.City).ToHaveValueAsync("臺南市");
        await Assertions.Expect(form.Region).ToHaveValueAsync("South");
        await Assertions.Expect(form.ContractEnd).ToHaveValueAsync("2022/02/28");
        await Assertions.Expect(form.Capital).Not.ToHaveValueAsync("");
        await Assertions.Expect(form.CompanyFields).ToBeVisibleAsync();

        // Nothing was saved: the list does not know the company.
        await progress.OpenTabAsync("招募聯盟會員");
        await Assertions.Expect(page.GetByText(company)).ToHaveCountAsync(0);
    });

    [Fact]
    public Task TheFormShowsOnlyTheFieldsTheChosenMemberNeeds() => ScenarioAsync(async () =>
    {
        var (page, progress) = await SignedInAtProjectAsync(DemoSeeder.AssistantEmail);
        await progress.OpenTabAsync("招募聯盟會員");
        await progress.AddAsync("新增會員");
        var form = new MemberFormPage(page);
        var fees = page.GetByTestId("fee-fields");

        await form.Type.SelectOptionAsync(new SelectOptionValue { Label = "個人" });
        await form.Basis.SelectOptionAsync(new SelectOptionValue { Label = "會員合約" });
        await Assertions.Expect(form.CompanyFields).ToBeHiddenAsync();
        await Assertions.Expect(fees).ToBeHiddenAsync();

        // 產學合作會員 need the company fields whatever their type.
        await form.Basis.SelectOptionAsync("CooperationProject");
        await Assertions.Expect(form.CompanyFields).ToBeVisibleAsync();

        await form.Basis.SelectOptionAsync(new SelectOptionValue { Label = "入會申請書" });
        await Assertions.Expect(fees).ToBeVisibleAsync();

        await form.Type.SelectOptionAsync(new SelectOptionValue { Label = "廠商" });
        await Assertions.Expect(form.CompanyFields).ToBeVisibleAsync();

        // The suggested region can still be changed by hand.
        await form.City.SelectOptionAsync("花蓮縣");
        await Assertions.Expect(form.Region).ToHaveValueAsync("East");
        await form.Region.SelectOptionAsync("Islands");
        await Assertions.Expect(form.Region).ToHaveValueAsync("Islands");
    });

    [Fact]
    public Task ADatePickedWithTheButtonIsWrittenAsTypedAndAccepted() => ScenarioAsync(async () =>
    {
        var company = $"選日期{Guid.NewGuid().ToString("N")[..6]}有限公司";
        var (page, progress) = await SignedInAtProjectAsync(DemoSeeder.AssistantEmail);
        await progress.OpenTabAsync("招募聯盟會員");
        await progress.AddAsync("新增會員");
        var form = new MemberFormPage(page);
        await form.FillCompanyAsync(Member(company));

        // The button is labelled with its field and reached by keyboard; it opens the picker on the typed day.
        var picker = ProgressPages.DatePicker(form.ContractEnd);
        await Assertions.Expect(picker).ToHaveAttributeAsync("aria-label", "選日期 契約截止日");
        await form.ContractEnd.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(picker).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var native = ProgressPages.NativeDate(form.ContractEnd);
        await Assertions.Expect(native).ToHaveValueAsync("2021-12-31");

        // Picking a day writes it back as yyyy/MM/dd; the server reads it like a typed one.
        await native.FillAsync("2021-10-31", new() { Force = true });
        await Assertions.Expect(form.ContractEnd).ToHaveValueAsync("2021/10/31");
        await form.SaveAsync();

        await Assertions.Expect(progress.Flash).ToContainTextAsync("已儲存");
        await Assertions.Expect(progress.Row("members", company)).ToContainTextAsync("2021/10/31");
    });
}
