using System.Net;
using AllianceKpi.Web.Infrastructure.Views;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Settings;

public sealed class AllianceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int projectId) => $"/projects/{projectId}/alliance";

    private static Dictionary<string, string> Form(AngleSharp.Html.Dom.IHtmlDocument page) => new()
    {
        ["Version"] = InputValue(page, "Version") ?? "",
        ["AllianceName"] = "智慧醫材產學聯盟",
        ["Website"] = "http://medtech.example.tw",
        ["Introduction"] = "推動醫材產學合作。",
        ["HowToJoin"] = "填寫入會申請書。",
        ["ContactName"] = "高美",
        ["ContactPhone"] = "06-3345678#9999",
        ["ContactEmail"] = "contact@medtech.example.tw",
        ["PrimaryIndustryCode"] = "C20",
        ["SecondaryIndustryCode1"] = "M6",
        ["SecondaryIndustryCode2"] = "",
    };

    [Fact]
    public async Task PiSeesTheProjectFactsAndIndustryDropDownsGroupedBySection()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var pi = await factory.SignedInAsync("pi@demo.tw");
        var page = await pi.GetPageAsync(Url(personas.DemoProjectId));

        Assert.Equal("2021ETPC_test", page.QuerySelector("[data-testid=project-number]")?.TextContent);
        Assert.Null(page.QuerySelector("input[name=Number]"));
        var saved = await factory.WithDbAsync(db => db.AllianceProfiles.AsNoTracking().SingleAsync(a => a.ProjectId == personas.DemoProjectId));
        Assert.Equal(saved.AllianceName, InputValue(page, "AllianceName"));
        Assert.Equal(saved.Version.ToString(), InputValue(page, "Version"));
        var primary = page.QuerySelector("select[name=PrimaryIndustryCode]")!;
        Assert.Equal("===請選擇聯盟產業類別===", primary.QuerySelector("option")?.TextContent);
        Assert.Equal("", primary.QuerySelector("option")?.GetAttribute("value"));
        Assert.Contains(primary.QuerySelectorAll("optgroup"), g => g.GetAttribute("label") == "(C)製造業");
        Assert.Equal(saved.PrimaryIndustryCode, primary.QuerySelector("option[selected]")?.GetAttribute("value"));
        Assert.Equal(2, page.QuerySelectorAll("select[name^=SecondaryIndustryCode]").Length);
        Assert.Contains("網址務必加上http://", page.Body!.TextContent);
    }

    [Fact]
    public async Task PiUpdatesTheAllianceProfile()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var pi = await factory.SignedInAsync("pi@demo.tw");
        var form = Form(await pi.GetPageAsync(Url(personas.DemoProjectId)));

        var response = await pi.PostFormAsync(Url(personas.DemoProjectId), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await pi.GetPageAsync(Url(personas.DemoProjectId));
        Assert.Equal("聯盟基本資訊已更新。", page.QuerySelector("[data-testid=flash]")?.TextContent);
        var saved = await factory.WithDbAsync(db => db.AllianceProfiles.SingleAsync(a => a.ProjectId == personas.DemoProjectId));
        Assert.Equal(("智慧醫材產學聯盟", "http://medtech.example.tw", "C20", "M6", (string?)null),
            (saved.AllianceName, saved.Website, saved.PrimaryIndustryCode, saved.SecondaryIndustryCode1, saved.SecondaryIndustryCode2));
        Assert.NotEqual(form["Version"], saved.Version.ToString());
    }

    [Theory]
    [InlineData("PrimaryIndustryCode", "", "PrimaryIndustryCode", "請選擇聯盟主要產業別（此欄必填）。")]
    [InlineData("Website", "www.medtech.example.tw", "Website", "聯盟網址須以 http:// 或 https:// 開頭。")]
    [InlineData("Website", "ftp://medtech.example.tw", "Website", "聯盟網址須以 http:// 或 https:// 開頭。")]
    [InlineData("SecondaryIndustryCode2", "M6", "SecondaryIndustryCode2", "兩個次要產業別不可相同。")]
    [InlineData("PrimaryIndustryCode", "Z99", "PrimaryIndustryCode", "請從清單選擇產業類別。")]
    [InlineData("AllianceName", "  ", "AllianceName", "請輸入聯盟名稱。")]
    [InlineData("ContactEmail", "not-an-email", "ContactEmail", "聯絡人Email格式不正確。")]
    public async Task InvalidInputIsRefusedNextToItsFieldAndTheFormIsKept(string field, string value, string errorField, string message)
    {
        var personas = await Personas.EnsureAsync(factory);
        using var pi = await factory.SignedInAsync("pi@demo.tw");
        var before = await factory.WithDbAsync(db => db.AllianceProfiles.AsNoTracking().SingleAsync(a => a.ProjectId == personas.DemoProjectId));
        var form = Form(await pi.GetPageAsync(Url(personas.DemoProjectId)));
        form["AllianceName"] = field == "AllianceName" ? value : "改過的聯盟名稱";
        form[field] = value;

        var response = await pi.PostFormAsync(Url(personas.DemoProjectId), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Equal(message, FieldError(page, errorField));
        Assert.Equal("填寫入會申請書。", page.QuerySelector("textarea[name=HowToJoin]")?.TextContent.Trim());
        Assert.Equal("M6", page.QuerySelector("select[name=SecondaryIndustryCode1] option[selected]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("select[name=PrimaryIndustryCode] optgroup"));
        var after = await factory.WithDbAsync(db => db.AllianceProfiles.AsNoTracking().SingleAsync(a => a.ProjectId == personas.DemoProjectId));
        Assert.Equal((before.Version, before.AllianceName), (after.Version, after.AllianceName));
    }

    [Fact]
    public async Task SomeoneElsesSaveInBetweenIsReportedAndTheTypedFormKept()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var pi = await factory.SignedInAsync("pi@demo.tw");
        var form = Form(await pi.GetPageAsync(Url(personas.DemoProjectId)));
        await factory.WithDbAsync(async db =>
        {
            var profile = await db.AllianceProfiles.SingleAsync(a => a.ProjectId == personas.DemoProjectId);
            profile.ContactName = "另一位助理";
            await db.SaveChangesAsync();
        });
        form["ContactName"] = "我輸入的聯絡人";

        var response = await pi.PostFormAsync(Url(personas.DemoProjectId), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Contains("已被其他人修改", FormErrors(page));
        Assert.Equal("我輸入的聯絡人", InputValue(page, "ContactName"));
        var saved = await factory.WithDbAsync(db => db.AllianceProfiles.AsNoTracking().SingleAsync(a => a.ProjectId == personas.DemoProjectId));
        Assert.Equal("另一位助理", saved.ContactName);
        Assert.Equal(saved.Version.ToString(), InputValue(page, "Version"));

        var second = await pi.PostFormAsync(Url(personas.DemoProjectId), PortalClient.ToPairs(form).Select(p => p.Key == "Version" ? new KeyValuePair<string, string>("Version", saved.Version.ToString()) : p));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
    }

    [Fact]
    public async Task AnUnreadableHiddenVersionIsToldAboveTheFormAndNothingIsSaved()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var pi = await factory.SignedInAsync("pi@demo.tw");
        var form = Form(await pi.GetPageAsync(Url(personas.DemoProjectId)));
        var before = await factory.WithDbAsync(db => db.AllianceProfiles.AsNoTracking().SingleAsync(a => a.ProjectId == personas.DemoProjectId));
        form["ContactName"] = "版本亂碼時輸入的聯絡人";
        form["Version"] = "不是版本";

        var response = await pi.PostFormAsync(Url(personas.DemoProjectId), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Contains(UnreadableVersionFilter.Message, FormErrors(page));
        Assert.Equal("版本亂碼時輸入的聯絡人", InputValue(page, "ContactName"));
        var saved = await factory.WithDbAsync(db => db.AllianceProfiles.AsNoTracking().SingleAsync(a => a.ProjectId == personas.DemoProjectId));
        Assert.Equal((before.ContactName, before.Version), (saved.ContactName, saved.Version));
    }

    [Fact]
    public async Task ProfileRowIsCreatedOnFirstSaveWhenTheProjectHasNone()
    {
        var email = NewEmail("newpi");
        var projectId = await SettingsTestData.ProjectWithPiAsync(factory, email);
        using var pi = await factory.SignedInAsync(email, Password);
        var page = await pi.GetPageAsync(Url(projectId));
        Assert.Equal("", InputValue(page, "AllianceName") ?? "");

        var response = await pi.PostFormAsync(Url(projectId), Form(page));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.AllianceProfiles.AsNoTracking().SingleAsync(a => a.ProjectId == projectId));
        Assert.Equal("智慧醫材產學聯盟", saved.AllianceName);
    }

    [Fact]
    public async Task AssistantGets403OnTheAlliancePageAndItsPost()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var assistant = await factory.SignedInAsync("assistant@demo.tw");
        Assert.Equal(HttpStatusCode.Forbidden, (await assistant.GetAsync(Url(personas.DemoProjectId))).StatusCode);
        var post = await assistant.PostFormAsync(Url(personas.DemoProjectId), new { AllianceName = "助理改的", PrimaryIndustryCode = "C20" }, "/settings/profile");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.NotEqual("助理改的", (await factory.WithDbAsync(db => db.AllianceProfiles.SingleAsync(a => a.ProjectId == personas.DemoProjectId))).AllianceName);
    }

    [Fact]
    public async Task PiOfAnotherProjectCannotPostToTheDemoAlliance()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var otherPi = await factory.SignedInAsync(Personas.OtherPiEmail);
        var post = await otherPi.PostFormAsync(Url(personas.DemoProjectId), new { AllianceName = "越權", PrimaryIndustryCode = "C20" }, Url(personas.OtherProjectId));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }
}
