using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// The 工作進度 pages in English: every text the views localise has an English resource (literal keys of the views and of the
/// partials they use, the labels the views look up by value, the forms' validation messages), and the pages show it.
/// </summary>
public sealed partial class ProgressEnglishTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    [GeneratedRegex("""L\["((?:[^"\\]|\\.)*)"\]""")]
    private static partial Regex LiteralKey();

    /// <summary>An L[...] whose key is an expression, not a literal.</summary>
    [GeneratedRegex("""L\[(?!")([^\]]+)\]""")]
    private static partial Regex ExpressionKey();

    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();

    /// <summary>
    /// The expressions the progress views pass to L[...], each covered by <see cref="LookedUpLabels"/>. A new expression fails
    /// <see cref="EveryKeyLookedUpByValueIsAKnownLabelSet"/> until its values are added there.
    /// </summary>
    private static readonly HashSet<string> KnownExpressions =
    [
        "ProgressLabels.Of(b)", "ProgressLabels.Of(e.BudgetBasis)", "ProgressLabels.Of(e.Kind)", "ProgressLabels.Of(e.OtherIncomeNature)",
        "ProgressLabels.Of(k)", "ProgressLabels.Of(m)", "ProgressLabels.Of(m.Type)", "ProgressLabels.Of(n)", "ProgressLabels.Of(t)",
        "context.ReadOnlyReason!", "kind.Label", "m.Region.Label()", "measure.Label", "measure.Unit", "r.Label()",
    ];

    private static string WebFolder() => Path.Combine(SolutionFolder(), "src", "AllianceKpi.Web");

    /// <summary>The progress views and the shared partials they render.</summary>
    private static IReadOnlyList<string> ProgressViews()
    {
        var features = Path.Combine(WebFolder(), "Features");
        return Directory.GetFiles(Path.Combine(features, "Progress"), "*.cshtml", SearchOption.AllDirectories)
            .Append(Path.Combine(features, "Shared", "_PeriodPicker.cshtml"))
            .Append(Path.Combine(features, "Workflow", "_ConflictPanel.cshtml"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static HashSet<string> EnglishKeys() =>
        XDocument.Load(Path.Combine(WebFolder(), "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data")
            .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value))
            .Select(d => d.Attribute("name")!.Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every value the views look up by expression: choice labels, regions, tabs, KPI measures, read-only reasons without dates.</summary>
    private static IEnumerable<string> LookedUpLabels()
    {
        var labels = new List<string>();
        labels.AddRange(Enum.GetValues<MemberType>().Select(ProgressLabels.Of));
        labels.AddRange(Enum.GetValues<MembershipBasis>().Select(ProgressLabels.Of));
        labels.AddRange(Enum.GetValues<FeeMethod>().Select(ProgressLabels.Of));
        labels.AddRange(Enum.GetValues<OtherIncomeNature>().Select(ProgressLabels.Of));
        labels.AddRange(Enum.GetValues<BudgetBasis>().Select(ProgressLabels.Of));
        labels.AddRange(Enum.GetValues<MemberServiceKind>().Select(ProgressLabels.Of));
        labels.AddRange(Enum.GetValues<DerivedResultKind>().Select(ProgressLabels.Of));
        labels.AddRange(Enum.GetValues<Region>().Select(r => r.Label()));
        labels.AddRange(ProgressKinds.All.Select(k => k.Label));
        labels.AddRange(KpiMeasures.All.SelectMany(m => new[] { m.Label, m.Unit }));
        var day = new DateOnly(2021, 6, 1);
        var open = new SubmissionWindow(day, day);
        labels.Add(ProgressContext.OfficeReadOnlyMessage);
        labels.Add(FormWorkflow.EditBlocker(FormState.Submitted, open, day)!);
        labels.Add(FormWorkflow.EditBlocker(FormState.Accepted, open, day)!);
        labels.Add(new SubmissionWindow(day, day, PeriodState: ReportingPeriodState.Planned).ClosedReason(day)!);
        labels.Add(new SubmissionWindow(day, day, PeriodState: ReportingPeriodState.Closed).ClosedReason(day)!);
        return labels;
    }

    /// <summary>The ErrorMessage of every validation attribute on the progress forms: the DataAnnotations localiser looks them up.</summary>
    private static IEnumerable<(string Where, string Message)> ValidationMessages() =>
        typeof(ProgressLabels).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("AllianceKpi.Web.Features.Progress", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .SelectMany(p => p.GetCustomAttributes<ValidationAttribute>()
                    .Where(a => !string.IsNullOrEmpty(a.ErrorMessage))
                    .Select(a => ($"{t.Name}.{p.Name}", a.ErrorMessage!))));

    [Fact]
    public void EveryLiteralTextOfTheProgressViewsHasAnEnglishTranslation()
    {
        var translated = EnglishKeys();
        var keys = ProgressViews()
            .SelectMany(view => LiteralKey().Matches(File.ReadAllText(view))
                .Select(m => (View: Path.GetRelativePath(WebFolder(), view), Key: Regex.Unescape(m.Groups[1].Value))))
            .ToList();

        Assert.True(keys.Select(k => k.Key).Distinct().Count() > 200, $"Only {keys.Count} localized texts found: is the pattern still right?");
        var missing = keys.Where(k => !translated.Contains(k.Key)).Select(k => $"{k.View}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} texts of the progress views have no English translation:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryKeyLookedUpByValueIsAKnownLabelSet()
    {
        var expressions = ProgressViews()
            .SelectMany(view => ExpressionKey().Matches(File.ReadAllText(view)).Select(m => m.Groups[1].Value.Trim()))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(expressions);
        var unknown = expressions.Except(KnownExpressions).ToList();
        Assert.True(unknown.Count == 0, "L[...] looks up new expressions; add their values to LookedUpLabels:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void EveryLabelTheProgressViewsLookUpByValueHasAnEnglishTranslation()
    {
        var translated = EnglishKeys();
        var labels = LookedUpLabels().ToList();

        Assert.True(labels.Count > 50, $"Only {labels.Count} labels: is the list still complete?");
        var missing = labels.Where(l => !translated.Contains(l)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Labels without an English translation:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryValidationMessageOfTheProgressFormsHasAnEnglishTranslation()
    {
        var translated = EnglishKeys();
        var messages = ValidationMessages().ToList();

        Assert.True(messages.Count > 40, $"Only {messages.Count} validation messages found: are the forms still where the test looks?");
        var missing = messages.Where(m => !translated.Contains(m.Message)).Select(m => $"{m.Where}: {m.Message}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Validation messages without an English translation:\n" + string.Join("\n", missing));
    }

    private async Task<PortalClient> EnglishAsync(string email, string page)
    {
        var client = await factory.SignedInAsync(email);
        var response = await client.PostFormAsync("/culture", new { culture = "en", returnUrl = page }, page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The page's headings, table headers, tabs, labels and buttons that hold CJK characters.</summary>
    private static List<string> ChineseChrome(IHtmlDocument page) =>
        page.QuerySelectorAll("main h1, main h2, main h3, main th[scope=col], main .nav-tabs a, main label, main .badge, main .btn, main legend")
            .Select(e => e.TextContent.Trim())
            .Where(text => Cjk().IsMatch(text))
            .ToList();

    [Fact]
    public async Task TheWorkProgressListIsInEnglish()
    {
        await Personas.EnsureAsync(factory);
        using var pi = await EnglishAsync(DemoSeeder.PiEmail, "/progress");

        var page = await pi.GetPageAsync("/progress");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Work progress list", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal("Choose the summary report", page.QuerySelector("label[for=periodId]")?.TextContent.Trim());
        var headers = page.QuerySelectorAll("[data-testid=period-projects] th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Work progress", headers);
        Assert.Equal("Fill in work progress", page.QuerySelector("[data-testid=period-projects] a")?.TextContent.Trim());
        Assert.Empty(ChineseChrome(page));
    }

    [Fact]
    public async Task TheMembersPageIsInEnglishWhileItsDataStaysAsTyped()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        await factory.WithDbAsync(async db =>
        {
            db.AllianceMembers.Add(Member(people.DemoProjectId, periodId, "英文介面測試股份有限公司"));
            db.AllianceMembers.Add(Member(people.DemoProjectId, periodId, "九月到期英文測試公司", new DateOnly(2021, 9, 30)));
            return await db.SaveChangesAsync();
        });
        var url = $"{Base(people.DemoProjectId, periodId)}/members";
        using var assistant = await EnglishAsync(DemoSeeder.AssistantEmail, url);

        var page = await assistant.GetPageAsync(url);

        Assert.Equal("Work progress reporting", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Contains("Alliance members", page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        var tabs = page.QuerySelectorAll("[data-testid=progress-tabs] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Overview", "Alliance members", "Operating income"], tabs.Take(3));
        var headers = page.QuerySelectorAll("[data-testid=members] th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Member name", headers);
        Assert.Contains("Contract end", headers);
        var badges = page.QuerySelectorAll("[data-testid=members] [data-testid=verdict] .badge").Select(b => b.TextContent.Trim()).ToList();
        Assert.Contains("Counted", badges);
        Assert.Contains("Not counted", badges);
        Assert.Contains("英文介面測試股份有限公司", page.QuerySelector("[data-testid=members]")!.TextContent);
        Assert.Empty(ChineseChrome(page));
    }

    [Fact]
    public async Task TheMemberFormShowsEnglishLabelsAndValidationMessages()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        var url = $"{Base(people.DemoProjectId, periodId)}/members/new";
        using var assistant = await EnglishAsync(DemoSeeder.AssistantEmail, url);

        var form = await assistant.GetPageAsync(url);
        Assert.Equal("* Member company name:", form.QuerySelector("label[for=Form_CompanyName]")?.TextContent.Trim());
        Assert.Equal("Tax ID (統一編號):", form.QuerySelector("label[for=Form_TaxId]")?.TextContent.Trim());

        var response = await PostAsync(assistant, url, Company("").With("Representative", "").With("Phone", new string('9', 200)), url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter the member company name", ErrorFor(refused, "CompanyName"));
        Assert.Equal("Enter the representative", ErrorFor(refused, "Representative"));
        Assert.Equal($"The phone number can have at most {ProgressFieldLengths.Phone} characters", ErrorFor(refused, "Phone"));
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
