using System.Net;
using AllianceKpi.Domain.Text;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Evaluation.EvaluationTestData;

namespace AllianceKpi.Web.Tests.Features.Evaluation;

/// <summary>Item 8's extra fields: 衍生產值計算方式 and the companies the trained people joined — stored, shown again, and their limits.</summary>
public sealed class EvaluationItem8Tests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private const string MethodKey = "item8.derivedOutputMethod";
    private const string CompaniesKey = "item8.talentCompanies";

    private static Dictionary<string, string> WithItem8(string method, string companies) => Complete()
        .Set("Form.DerivedOutputValue", "1200")
        .Set("Form.DerivedOutputMethod", method)
        .Set("Form.TalentPlaced", "2")
        .Set("Form.TalentCompanies", companies)
        .Set("Form.ConfirmWarnings", "true"); // 衍生產值 without an item 8 file is a warning

    [Fact]
    public async Task TheCalculationMethodAndCompanyNamesAreStoredShownAgainAndSubmittedInTheSnapshot()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Url(projectId, periodId);

        var saved = await PostAsync(assistant, url, WithItem8("會員新產品營收增加額 × 技術貢獻比例 30%\r\n（附計算表）", "甲精密公司、乙材料公司"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = (await FormAsync(factory, projectId, periodId))!;
        Assert.Equal(("會員新產品營收增加額 × 技術貢獻比例 30%\n（附計算表）", "甲精密公司、乙材料公司", (decimal?)1200m, (int?)2),
            (stored.DerivedOutputMethod, stored.TalentCompanies, stored.DerivedOutputValue, stored.TalentPlaced));
        var page = await pi.GetPageAsync(url);
        Assert.Equal("會員新產品營收增加額 × 技術貢獻比例 30%\n（附計算表）", TextOf(page, MethodKey).ReplaceLineEndings("\n"));
        Assert.Equal("甲精密公司、乙材料公司", TextOf(page, CompaniesKey));

        var submitted = await PostAsync(pi, url, WithItem8(stored.DerivedOutputMethod!, stored.TalentCompanies!), "submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var snapshot = Assert.Single(await SubmissionsAsync(factory, projectId, periodId)).Read();
        var item8 = snapshot.Sections.Single(s => s.Key == "item8").Fields;
        Assert.Equal("甲精密公司、乙材料公司", item8.Single(f => f.Key == "talentCompanies").Value);
        Assert.Equal("會員新產品營收增加額 × 技術貢獻比例 30%\n（附計算表）", item8.Single(f => f.Key == "derivedOutputMethod").Value);
    }

    [Fact]
    public async Task MissingOrTooLongDetailsBlockSubmitTheDraftKeepsALimitPlusOneTextAndAHugeOneIsRefused()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Url(projectId, periodId);
        var limit = TextLimits.Item8Detail;
        var exactly = string.Concat(Enumerable.Repeat("公", limit - 1)) + "\r\n";
        var overByOne = exactly + "司";
        Assert.Equal(limit, TextLength.Count(exactly));
        Assert.Equal(limit + 1, TextLength.Count(overByOne));

        var missing = await PostAsync(pi, url, WithItem8("", ""), "submit");
        var missingPage = PortalClient.Parse(await missing.Content.ReadAsStringAsync());
        var blocking = missingPage.QuerySelector("[data-testid=checklist-blocking]")!;
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("填報聯盟會員衍生產值時，請說明計算方式", blocking.TextContent);
        Assert.Contains("請條列培育人才就職之聯盟廠商會員公司名稱。", blocking.TextContent);
        Assert.Contains(blocking.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#" + MethodKey);
        Assert.Contains(blocking.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#" + CompaniesKey);

        var draft = await PostAsync(pi, url, WithItem8("依營收增加額估算", overByOne));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(limit + 1, TextLength.Count((await FormAsync(factory, projectId, periodId))!.TalentCompanies));
        var tooLong = await PostAsync(pi, url, WithItem8("依營收增加額估算", overByOne), "submit");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains($"「8. 培育人才就職之聯盟廠商會員公司名稱」字數限制{limit}字元，目前{limit + 1}字，超過1字。",
            PortalClient.Parse(await tooLong.Content.ReadAsStringAsync()).QuerySelector("[data-testid=checklist-blocking]")!.TextContent);

        var huge = new string('x', (limit * TextLength.CodeUnitsPerCharacter) + 1);
        var refused = await PostAsync(pi, url, WithItem8(huge, "甲公司"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"「8. 衍生產值計算方式」過長，無法暫存（字數限制{limit}字元）。", await refused.Content.ReadAsStringAsync());
        Assert.Equal("依營收增加額估算", (await FormAsync(factory, projectId, periodId))!.DerivedOutputMethod);

        var exact = await PostAsync(pi, url, WithItem8("依營收增加額估算", exactly), "submit");
        Assert.Equal(HttpStatusCode.Redirect, exact.StatusCode);
        Assert.Equal(FormState.Submitted, (await FormAsync(factory, projectId, periodId))!.State);
    }
}
