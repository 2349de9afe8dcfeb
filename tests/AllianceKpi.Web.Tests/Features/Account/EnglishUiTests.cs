using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Features.Account;

public sealed partial class EnglishUiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"\]""")]
    private static partial Regex LocalizedKey();

    private async Task<PortalClient> EnglishClientAsync()
    {
        var client = factory.NewClient();
        var response = await client.PostFormAsync("/culture", new { culture = "en", returnUrl = "/account/login" }, "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task EnglishCultureShowsEnglishMenuAndLabelsOnTheSignInPage()
    {
        using var client = await EnglishClientAsync();
        var page = await client.GetPageAsync("/account/login");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var text = page.Body!.TextContent;
        Assert.Contains("Approved projects", text);
        Assert.Contains("Contact us", text);
        Assert.Equal("E-mail", page.QuerySelector("label[for=Email]")?.TextContent);
        Assert.Equal("Password", page.QuerySelector("label[for=Password]")?.TextContent);
        Assert.DoesNotContain("通過計畫", text);
    }

    [Fact]
    public async Task EnglishCultureShowsEnglishLabelsAndMessagesOnTheRegistrationPage()
    {
        using var client = await EnglishClientAsync();
        var page = await client.GetPageAsync("/account/register");

        Assert.Equal("Project assistant registration", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("University*", page.QuerySelector("label[for=School]")?.TextContent);
        Assert.Contains("Phone format: 06-3345678#9999", page.Body!.TextContent);

        var response = await client.PostFormAsync("/account/register", new { Email = "", Phone = "123" }, "/account/register");
        var refused = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter your e-mail address.", AccountTestData.FieldError(refused, "Email"));
        Assert.StartsWith("The phone number is not valid", AccountTestData.FieldError(refused, "Phone"));
    }

    [Fact]
    public async Task ChineseRemainsTheDefault()
    {
        using var client = factory.NewClient();
        var page = await client.GetPageAsync("/account/register");
        Assert.Equal("計畫助理註冊", page.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public void EveryLocalizedTextOfTheLayoutAccountAndSettingsViewsHasAnEnglishTranslation()
    {
        var web = Path.Combine(SolutionFolder(), "src", "AllianceKpi.Web");
        var features = Path.Combine(web, "Features");
        var views = new[] { Path.Combine(features, "Shared", "_Layout.cshtml") }
            .Concat(Directory.GetFiles(Path.Combine(features, "Account"), "*.cshtml"))
            .Concat(Directory.GetFiles(Path.Combine(features, "Settings"), "*.cshtml"))
            .ToList();
        var keys = views
            .SelectMany(view => LocalizedKey().Matches(File.ReadAllText(view)).Select(m => (View: Path.GetFileName(view), Key: Regex.Unescape(m.Groups[1].Value))))
            .ToList();
        var translated = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => d.Attribute("name")!.Value)
            .ToHashSet();

        Assert.True(keys.Count > 50, $"Only {keys.Count} localized texts found: is the pattern still right?");
        var missing = keys.Where(k => !translated.Contains(k.Key)).Select(k => $"{k.View}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    private static string SolutionFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AllianceKpi.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"AllianceKpi.sln not found above {AppContext.BaseDirectory}");
    }
}
