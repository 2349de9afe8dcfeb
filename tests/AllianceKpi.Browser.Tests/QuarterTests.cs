using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Browser.Tests.Support.Pages;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests;

/// <summary>
/// A whole quarter in the browser on 2021/06/01: the assistant reports work progress and fills 管考資料 (autosave on), the PI
/// submits, the office returns it with a reason, the PI reads the reason, edits and submits again, and the office accepts and
/// compares the two versions.
/// </summary>
public sealed class QuarterTests(ProgressBrowserHost host) : BrowserTest(host), IClassFixture<ProgressBrowserHost>
{
    private async Task TargetsSubmittedAsync()
    {
        await Host.WithDbAsync(async db =>
        {
            var projectId = await db.Projects.Where(p => p.Number == DemoSeeder.ProjectNumber).Select(p => p.Id).SingleAsync();
            if (await db.ExpectedResults.AnyAsync(e => e.ProjectId == projectId))
            {
                return;
            }
            db.ExpectedResults.Add(new ExpectedResults
            {
                ProjectId = projectId, Year = DemoSeeder.Year, State = FormState.Submitted, CompanyMembers = 1, TechTransferAmount = 0,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync();
        await new LoginPage(page).SignInAsync(email, DemoSeeder.Password);
        return page;
    }

    [Fact]
    public Task AQuarterIsReportedSubmittedReturnedResubmittedAndAccepted() => ScenarioAsync(async () =>
    {
        await TargetsSubmittedAsync();
        var company = $"季報精密{Guid.NewGuid().ToString("N")[..6]}股份有限公司";

        // The assistant: one member in 工作進度, then the 管考資料 narratives; autosave keeps them.
        var assistant = await SignedInAsync(DemoSeeder.AssistantEmail);
        var progress = new ProgressPages(assistant);
        await progress.OpenProjectAsync(DemoSeeder.ProjectNumber);
        await progress.OpenTabAsync("招募聯盟會員");
        await progress.AddAsync("新增會員");
        var member = new MemberFormPage(assistant);
        await member.FillCompanyAsync(new MemberEntry(company, "王小明", "06-2757575", "臺南市", "東區大學路1號", "2021/03/01", "2021/12/31"));
        await member.SaveAsync();
        await Assertions.Expect(progress.Flash).ToHaveTextAsync("已儲存：列計");

        var evaluation = new EvaluationPage(assistant);
        await evaluation.OpenAsync(DemoSeeder.ProjectNumber);
        await Assertions.Expect(evaluation.Field("item1.narrative").Locator("xpath=ancestor::section")
            .GetByTestId("period-value").First).ToHaveTextAsync("1");
        await Assertions.Expect(evaluation.SubmitButton).ToHaveCountAsync(0);
        await evaluation.Field("item1.narrative").FillAsync("本季新增廠商會員 1 家。");
        await Assertions.Expect(evaluation.Autosave).ToContainTextAsync("已自動儲存", new() { Timeout = 10_000 });

        // The counter counts as the server does: 500 characters of Chinese, emoji and line breaks leave 0, one more -1.
        var text = string.Concat(Enumerable.Repeat("字😀\n", 166)) + "𠀀𠀀";
        await evaluation.Field("item2.differenceAnalysis").FillAsync(text + "👍🏽");
        await Assertions.Expect(evaluation.Counter("item2.differenceAnalysis")).ToHaveTextAsync("-1");
        await evaluation.Field("item2.differenceAnalysis").FillAsync(text);
        await Assertions.Expect(evaluation.Counter("item2.differenceAnalysis")).ToHaveTextAsync("0");

        await evaluation.FillRequiredAsync("第一版");
        await evaluation.Field("item1.narrative").FillAsync("本季新增廠商會員 1 家。");
        await evaluation.SaveButton.ClickAsync();
        await Assertions.Expect(evaluation.Flash).ToContainTextAsync("暫存");

        // The PI submits.
        var pi = await SignedInAsync(DemoSeeder.PiEmail);
        var piEvaluation = new EvaluationPage(pi);
        await piEvaluation.OpenAsync(DemoSeeder.ProjectNumber);
        await Assertions.Expect(piEvaluation.Field("item1.narrative")).ToHaveValueAsync("本季新增廠商會員 1 家。");
        await Assertions.Expect(piEvaluation.Field("item2.differenceAnalysis")).ToHaveValueAsync(text);
        await piEvaluation.SubmitAsync();

        // The office returns it with a reason.
        var office = await SignedInAsync(DemoSeeder.OfficeEmail);
        var review = new ReviewPage(office);
        await review.OpenAsync(DemoSeeder.ProjectNumber);
        await review.ReturnAsync("請說明新增會員的產業別與合作內容。");

        // The PI reads the reason on the home page and in the form, edits and submits again.
        await pi.GoToPageAsync("/");
        var notice = pi.GetByTestId("returned-forms");
        await Assertions.Expect(notice).ToContainTextAsync("請說明新增會員的產業別與合作內容。");
        await notice.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(piEvaluation.State).ToHaveTextAsync("退回修改");
        await Assertions.Expect(piEvaluation.ReturnReason).ToContainTextAsync("請說明新增會員的產業別與合作內容。");
        await piEvaluation.Field("item1.narrative").FillAsync("本季新增廠商會員 1 家（電子零組件製造業），已簽署會員合約。");
        await piEvaluation.SubmitAsync();

        // The office accepts and sees what changed between the two versions.
        await review.OpenAsync(DemoSeeder.ProjectNumber);
        await review.AcceptAsync();
        await office.GetByTestId("compare-1").ClickAsync();
        var diff = office.GetByTestId("diff").Locator("tr[data-path='item1.narrative']");
        await Assertions.Expect(diff).ToContainTextAsync("本季新增廠商會員 1 家。");
        await Assertions.Expect(diff).ToContainTextAsync("已簽署會員合約");
        await Assertions.Expect(office.GetByTestId("diff").Locator("tbody tr")).ToHaveCountAsync(1);
    });
}
