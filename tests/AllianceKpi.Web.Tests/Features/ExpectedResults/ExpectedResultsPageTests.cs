using System.Net;
using AllianceKpi.Domain.Audit;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Infrastructure.Views;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.ExpectedResults.ExpectedResultsTestData;

namespace AllianceKpi.Web.Tests.Features.ExpectedResults;

/// <summary>預期成果: the list, the form with every target, 資料暫存 by the assistant and the PI, 總收入, bad numbers, who may see it.</summary>
public sealed class ExpectedResultsPageTests(ExpectedResultsClockFactory factory) : IClassFixture<ExpectedResultsClockFactory>
{
    [Fact]
    public async Task TheListOffersOnlyExpectedResultsPeriodsAndTheProjectsFormWithItsState()
    {
        var project = await ProjectAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await PressAsync(pi, project, "save", new Dictionary<string, string> { [Target("item1.companyMembers")] = "3" });

        var list = await pi.GetPageAsync("/expected-results");

        var options = list.QuerySelectorAll("#periodId option").Select(o => o.TextContent).ToList();
        Assert.Contains("2021年產學小聯盟預期成果綜整表", options);
        Assert.All(options, name => Assert.EndsWith("預期成果綜整表", name));
        var row = list.QuerySelector($"tr[data-project^='2021EXP_'] a[href='{project.Url}']")?.Closest("tr");
        Assert.NotNull(row);
        Assert.Equal("草稿", row.QuerySelector("[data-testid=row-state]")!.TextContent);
        Assert.Equal("填寫預期成果", row.QuerySelector("a")!.TextContent);
        var demo = list.QuerySelector($"tr[data-project='{DemoSeeder.ProjectNumber}'] [data-testid=row-state]");
        Assert.Equal("尚未填寫", demo!.TextContent);
    }

    [Fact]
    public async Task TheFormShowsEveryTargetGroupedByItemWithTheSeedsLabelsAndCounters()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var page = await assistant.GetPageAsync(project.Url);

        foreach (var target in ExpectedTargets.All)
        {
            var input = page.QuerySelector($"fieldset[data-item='{target.Item}'] input[id='{target.Key}'][name='{Target(target.Key)}']");
            Assert.True(input is not null, $"{target.Key} missing");
            Assert.Contains(target.Label, page.QuerySelector($"label[for='{target.Key}']")!.TextContent);
        }
        Assert.Equal(9, page.QuerySelectorAll("fieldset[data-item]").Length);
        Assert.Equal("3. 聯盟經常性營運收入(仟元)", page.QuerySelector("fieldset[data-item='3'] legend")!.TextContent);
        Assert.Equal("0", Text(page, "total-income"));
        var note = page.QuerySelector("textarea[id='item3.note']")!;
        Assert.Equal("500", note.GetAttribute("data-maxchars"));
        Assert.Null(note.GetAttribute("maxlength"));
        Assert.Equal("500", page.QuerySelector($"[id='{note.GetAttribute("data-counter")}']")!.TextContent);
        Assert.Equal("草稿", Text(page, "form-state"));
        Assert.True(page.Has("[data-testid=save]"));
        Assert.False(page.Has("[data-testid=submit]"));
        Assert.True(page.Has("[data-testid=checklist]"));
        Assert.Equal(project.AutosaveUrl, page.QuerySelector("form[data-expected-results]")!.GetAttribute("data-autosave-url"));
        Assert.True(page.Has("[data-testid=autosave-status]"));
        Assert.True(page.Has("script[src^='/js/expected-results.js']"));
    }

    [Fact]
    public async Task TheAssistantAndThenThePiSaveDraftsAndTheTotalIncomeIsComputed()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var first = await PressAsync(assistant, project, "save", new Dictionary<string, string>
        {
            [Target("item3.membershipFeeIncome")] = "12.5",
            [Target("item3.technicalServiceIncome")] = "0.25",
            [Note(3)] = "會員費：\r\n1. 年費",
        });
        var second = await PressAsync(pi, project, "save", new Dictionary<string, string> { [Target("item3.otherIncome")] = "100.125" });
        var page = await PageAfterAsync(pi, second);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("已暫存預期成果，尚可繼續修改。", Text(page, "flash"));
        Assert.Equal("112.875", Text(page, "total-income"));
        Assert.Equal("草稿", Text(page, "form-state"));
        var stored = (await StoredAsync(factory, project))!;
        Assert.Equal(FormState.Draft, stored.State);
        Assert.Equal((12.5m, 0.25m, 100.125m), (stored.MembershipFeeIncome!.Value, stored.TechnicalServiceIncome!.Value, stored.OtherIncome!.Value));
        Assert.Equal(112.875m, stored.TotalIncome);
        Assert.Equal("會員費：\n1. 年費", stored.NoteOf(3));
        Assert.Null(stored.CompanyMembers);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "ExpectedResults" && a.EntityId == stored.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Added, AuditAction.Modified], audit.Select(a => a.Action));
        Assert.Contains(AuditTrail.Read(audit[1].Changes),
            c => c is { Field: "3. 聯盟經常性營運收入(仟元)／其它項目收入(仟元)", Before: null, After: "100.125" });
    }

    [Theory]
    [InlineData("")]
    [InlineData("不是版本")]
    public async Task AnUnreadableHiddenVersionIsToldAboveTheFormOrInTheAutosavesAnswerAndNothingIsSaved(string version)
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        await PressAsync(assistant, project, "save", new Dictionary<string, string> { [Target("item1.companyMembers")] = "3" });
        var fields = FieldsOf(await assistant.GetPageAsync(project.Url), new Dictionary<string, string>
        {
            [Target("item1.companyMembers")] = "7", ["Form.Version"] = version,
        });

        var response = await PostAsync(assistant, project.Url, new Dictionary<string, string>(fields), "save");
        fields.Remove("command");
        var autosave = await assistant.PostFormAsync(project.AutosaveUrl, fields, tokenPage: project.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageAfterAsync(assistant, response);
        Assert.Contains(UnreadableVersionFilter.Message, Text(page, "form-errors"));
        Assert.Equal("7", ValueOf(page, Target("item1.companyMembers")));
        Assert.Equal(HttpStatusCode.BadRequest, autosave.StatusCode);
        Assert.Equal(UnreadableVersionFilter.Message, await MessageOfAsync(autosave));
        Assert.Equal(3, (await StoredAsync(factory, project))!.CompanyMembers);
    }

    [Fact]
    public async Task BadNumbersComeBackWithTheirMessagesAndTheOtherTypedValuesKept()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);

        var response = await PressAsync(assistant, project, "save", new Dictionary<string, string>
        {
            [Target("item1.companyMembers")] = "-1",
            [Target("item3.membershipFeeIncome")] = "1.2345",
            [Target("item2.promotionEvents")] = "三場",
            [Target("item8.derivedOutputValue")] = "10.5",
            [Target("item4.techTransferAmount")] = "300.5",
            [Note(4)] = "技轉 2 件",
        });
        var page = await PageAfterAsync(assistant, response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("請輸入 0 以上的整數。", ErrorFor(page, Target("item1.companyMembers")));
        Assert.Equal("金額須為不小於 0 的數字，小數最多 3 位。", ErrorFor(page, Target("item3.membershipFeeIncome")));
        Assert.Equal("請輸入 0 以上的整數。", ErrorFor(page, Target("item2.promotionEvents")));
        Assert.Equal("金額須為不小於 0 的整數（單位為元）。", ErrorFor(page, Target("item8.derivedOutputValue")));
        Assert.Equal("-1", ValueOf(page, Target("item1.companyMembers")));
        Assert.Equal("三場", ValueOf(page, Target("item2.promotionEvents")));
        Assert.Equal("300.5", ValueOf(page, Target("item4.techTransferAmount")));
        Assert.Equal("技轉 2 件", ValueOf(page, Note(4)));
        Assert.Equal("true", page.QuerySelector("input[id='item1.companyMembers']")!.GetAttribute("aria-invalid"));
        Assert.Null(await StoredAsync(factory, project));
    }

    [Fact]
    public async Task APeriodOfAnotherKindOrAnotherYearIsNotFound()
    {
        var project = await ProjectAsync(factory);
        var firstReport = await factory.WithDbAsync(db => PeriodIdAsync(db, ReportingPeriodKind.FirstReport));
        var nextYear = await factory.WithDbAsync(async db =>
        {
            var year = ProgrammeYear.WithStandardWindows(2099);
            var period = new ReportingPeriod
            {
                Kind = ReportingPeriodKind.ExpectedResults, Name = "2099年產學小聯盟預期成果綜整表",
                OpensOn = new DateOnly(2099, 1, 1), Deadline = new DateOnly(2099, 4, 30), State = ReportingPeriodState.Open,
            };
            year.Periods.Add(period);
            db.ProgrammeYears.Add(year);
            await db.SaveChangesAsync();
            return period.Id;
        });
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await pi.GetAsync($"/projects/{project.ProjectId}/expected-results/{firstReport}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pi.GetAsync($"/projects/{project.ProjectId}/expected-results/{nextYear}")).StatusCode);
    }

    [Fact]
    public async Task AnotherProjectsAssistantIsRefused()
    {
        var project = await ProjectAsync(factory);
        await Personas.EnsureAsync(factory);
        using var owner = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var fields = FieldsOf(await owner.GetPageAsync(project.Url), Complete());
        using var other = await factory.SignedInAsync(Personas.OtherAssistantEmail);

        var get = await other.GetAsync(project.Url);
        fields["command"] = "save";
        var post = await other.PostFormAsync(project.Url, fields, tokenPage: "/");

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null(await StoredAsync(factory, project));
    }

    [Fact]
    public async Task TheOfficeSeesTheFormReadOnlyAndCannotSaveIt()
    {
        var project = await ProjectAsync(factory);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await PressAsync(pi, project, "save", new Dictionary<string, string> { [Target("item1.companyMembers")] = "4" });
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);

        var page = await office.GetPageAsync(project.Url);
        var post = await PostAsync(office, project.Url, FieldsOf(page, new Dictionary<string, string> { [Target("item1.companyMembers")] = "9" }), "save");

        Assert.Equal("4", ValueOf(page, Target("item1.companyMembers")));
        Assert.NotNull(page.QuerySelector("input[id='item1.companyMembers']")!.GetAttribute("readonly"));
        Assert.False(page.Has("[data-testid=save]"));
        Assert.False(page.Has("[data-testid=submit]"));
        Assert.Null(page.QuerySelector("form[data-expected-results]")!.GetAttribute("data-autosave-url"));
        Assert.Equal("計畫辦公室僅檢視預期成果，不修改計畫填報的資料。", Text(page, "read-only-reason"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(4, (await StoredAsync(factory, project))!.CompanyMembers);
    }
}
