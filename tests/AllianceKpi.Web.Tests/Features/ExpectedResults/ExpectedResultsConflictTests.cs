using System.Net;
using System.Text.Json;
using AllianceKpi.Infrastructure.Seeding;
using static AllianceKpi.Web.Tests.Features.ExpectedResults.ExpectedResultsTestData;

namespace AllianceKpi.Web.Tests.Features.ExpectedResults;

/// <summary>Two people on one form: nobody's save silently overwrites the other's; autosave answers with the new Version or 409.</summary>
public sealed class ExpectedResultsConflictTests(ExpectedResultsClockFactory factory) : IClassFixture<ExpectedResultsClockFactory>
{
    [Fact]
    public async Task TheSecondSaveShowsBothVersionsKeepsTheFirstAndMergesOnTheNextSave()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await PressAsync(assistant, project, "save", new Dictionary<string, string> { [Target("item1.companyMembers")] = "1" });
        var assistantPage = await assistant.GetPageAsync(project.Url);
        var piPage = await pi.GetPageAsync(project.Url);

        await PostAsync(assistant, project.Url, FieldsOf(assistantPage, new Dictionary<string, string>
        {
            [Target("item1.companyMembers")] = "5",
            [Note(1)] = "助理寫的說明",
        }), "save");
        var second = await PostAsync(pi, project.Url, FieldsOf(piPage, new Dictionary<string, string>
        {
            [Target("item1.companyMembers")] = "6",
            [Target("item2.promotionEvents")] = "3",
        }), "save");
        var page = await PageAfterAsync(pi, second);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("已被他人儲存", Text(page, "form-errors"));
        var members = page.QuerySelector($"[data-testid=conflict] tr[data-conflict-field='{Target("item1.companyMembers")}']")!;
        Assert.Equal(["6", "5"], members.QuerySelectorAll("td.pre-line").Select(td => td.TextContent));
        Assert.Equal("5", members.QuerySelector("button[data-take-theirs]")!.GetAttribute("data-value"));
        var note = page.QuerySelector($"[data-testid=conflict] tr[data-conflict-field='{Note(1)}']")!;
        Assert.Equal(["—", "助理寫的說明"], note.QuerySelectorAll("td.pre-line").Select(td => td.TextContent));
        Assert.NotNull(page.QuerySelector($"[data-testid=conflict] tr[data-conflict-field='{Target("item2.promotionEvents")}']"));
        Assert.Equal(3, page.QuerySelectorAll("[data-testid=conflict] tbody tr").Length);
        Assert.Equal("6", ValueOf(page, Target("item1.companyMembers")));
        var stored = (await StoredAsync(factory, project))!;
        Assert.Equal((5, "助理寫的說明", (int?)null), (stored.CompanyMembers, stored.NoteOf(1), stored.PromotionEvents));
        Assert.Equal(stored.Version.ToString(), ValueOf(page, "Form.Version"));

        var merged = await PostAsync(pi, project.Url, FieldsOf(page, new Dictionary<string, string> { [Note(1)] = "助理寫的說明" }), "save");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var after = (await StoredAsync(factory, project))!;
        Assert.Equal((6, "助理寫的說明", (int?)3), (after.CompanyMembers, after.NoteOf(1), after.PromotionEvents));
    }

    [Fact]
    public async Task ASaveThatChangedOnlyANoteStillMakesTheOtherSaveAConflict()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await PressAsync(assistant, project, "save", new Dictionary<string, string> { [Target("item6.cooperationCount")] = "1" });
        var assistantPage = await assistant.GetPageAsync(project.Url);
        var piPage = await pi.GetPageAsync(project.Url);

        await PostAsync(assistant, project.Url, FieldsOf(assistantPage, new Dictionary<string, string> { [Note(6)] = "合作廠商 2 家" }), "save");
        var second = await PostAsync(pi, project.Url, FieldsOf(piPage, new Dictionary<string, string> { [Target("item6.cooperationCount")] = "2" }), "save");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull((await PageAfterAsync(pi, second)).QuerySelector($"tr[data-conflict-field='{Note(6)}']"));
        var stored = (await StoredAsync(factory, project))!;
        Assert.Equal((1, "合作廠商 2 家"), (stored.CooperationCount, stored.NoteOf(6)));
    }

    [Fact]
    public async Task TwoFirstSavesOfANewFormDoNotOverwriteEachOther()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var assistantPage = await assistant.GetPageAsync(project.Url);
        var piPage = await pi.GetPageAsync(project.Url);

        await PostAsync(assistant, project.Url, FieldsOf(assistantPage, new Dictionary<string, string> { [Target("item7.newProducts")] = "2" }), "save");
        var second = await PostAsync(pi, project.Url, FieldsOf(piPage, new Dictionary<string, string> { [Target("item7.newProducts")] = "4" }), "save");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull((await PageAfterAsync(pi, second)).QuerySelector($"tr[data-conflict-field='{Target("item7.newProducts")}']"));
        Assert.Equal(2, (await StoredAsync(factory, project))!.NewProducts);
    }

    [Fact]
    public async Task AutosaveAnswersWithTheNewVersionAndRefusesAStaleOneWith409()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var fields = FieldsOf(await assistant.GetPageAsync(project.Url), new Dictionary<string, string> { [Target("item9.masters")] = "2" });

        var first = await assistant.PostFormAsync(project.AutosaveUrl, fields, tokenPage: project.Url);
        var stale = await assistant.PostFormAsync(project.AutosaveUrl, new Dictionary<string, string>(fields) { [Target("item9.masters")] = "3" }, tokenPage: project.Url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var stored = (await StoredAsync(factory, project))!;
        Assert.Equal("10:00", json.RootElement.GetProperty("savedAt").GetString());
        Assert.Equal(stored.Version, json.RootElement.GetProperty("version").GetGuid());
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("session").ValueKind);
        Assert.Equal(2, stored.Masters);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("已被他人儲存", await MessageOfAsync(stale));
        Assert.Equal(2, (await StoredAsync(factory, project))!.Masters);

        var next = await assistant.PostFormAsync(project.AutosaveUrl,
            new Dictionary<string, string>(fields) { ["Form.Version"] = stored.Version.ToString(), [Target("item9.masters")] = "3" }, tokenPage: project.Url);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(3, (await StoredAsync(factory, project))!.Masters);
    }

    [Fact]
    public async Task AutosaveRefusesABadNumberWith400AndItsLabel()
    {
        var project = await ProjectAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var fields = FieldsOf(await assistant.GetPageAsync(project.Url), new Dictionary<string, string> { [Target("item1.companyMembers")] = "abc" });

        var response = await assistant.PostFormAsync(project.AutosaveUrl, fields, tokenPage: project.Url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("「聯盟廠商會員家數(家)」請輸入 0 以上的整數。", await MessageOfAsync(response));
        Assert.Null(await StoredAsync(factory, project));
    }
}
