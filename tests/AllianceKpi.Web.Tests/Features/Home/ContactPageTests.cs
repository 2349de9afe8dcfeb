using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Features.Home;

/// <summary>The portal with the office's contact details configured in the Contact section.</summary>
public sealed class ConfiguredContactFactory : PortalFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Contact:Organisation"] = "計畫辦公室－工程科技推展中心（測試）",
        ["Contact:Phone"] = "02-1234-5678#100",
        ["Contact:Email"] = "<b>office</b>@example.tw",
    };
}

public sealed class ContactPageTests(ConfiguredContactFactory factory) : IClassFixture<ConfiguredContactFactory>
{
    [Fact]
    public async Task ContactPageShowsTheConfiguredDetailsAsPlainText()
    {
        using var visitor = factory.NewClient();
        var page = await visitor.GetPageAsync("/contact");
        var contact = page.QuerySelector("[data-testid=contact]")!;
        Assert.Contains("計畫辦公室－工程科技推展中心（測試）", contact.QuerySelector("h2")!.TextContent);
        var details = contact.QuerySelectorAll("dt").Zip(contact.QuerySelectorAll("dd"), (dt, dd) => (dt.TextContent, dd.TextContent)).ToList();
        Assert.Equal([("電話", "02-1234-5678#100"), ("電子信箱", "<b>office</b>@example.tw")], details);
        Assert.Empty(contact.QuerySelectorAll("b"));
        Assert.Empty(contact.QuerySelectorAll("dd a"));
    }
}
