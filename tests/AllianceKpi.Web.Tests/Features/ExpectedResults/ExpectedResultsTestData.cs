using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.ExpectedResults;

/// <summary>
/// The portal on 2021/04/15 10:00 in Taiwan: the demo year's 預期成果綜整表 (2021/03/29–2021/04/30) is open.
/// </summary>
public class ExpectedResultsClockFactory : PortalFactory
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 4, 15, 2, 0, 0, TimeSpan.Zero);
}

/// <summary>The portal on 2021/05/05 in Taiwan: the 預期成果綜整表's deadline (2021/04/30) has passed.</summary>
public sealed class ExpectedResultsAfterDeadlineFactory : ExpectedResultsClockFactory
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 5, 5, 2, 0, 0, TimeSpan.Zero);
}

/// <summary>A project of its own per test (the demo PI and assistant on it), its form's URL and what a browser posts.</summary>
public sealed record ExpectedProject(int ProjectId, int PeriodId)
{
    public string Url => $"/projects/{ProjectId}/expected-results/{PeriodId}";
    public string AutosaveUrl => $"{Url}/autosave";
}

public static class ExpectedResultsTestData
{
    public static string Target(string key) => $"Form.Targets[{key}]";

    public static string Note(int item) => $"Form.Notes[{item}]";

    /// <summary>A project of the demo year with the demo PI and assistant, so that each test has a form of its own.</summary>
    public static async Task<ExpectedProject> ProjectAsync(PortalFactory factory)
    {
        var pi = await Personas.UserIdAsync(factory, DemoSeeder.PiEmail);
        var assistant = await Personas.UserIdAsync(factory, DemoSeeder.AssistantEmail);
        return await factory.WithDbAsync(async db =>
        {
            var number = "2021EXP_" + Guid.NewGuid().ToString("N")[..8];
            var project = new Project
            {
                Number = number,
                Name = "預期成果測試計畫 " + number,
                Year = DemoSeeder.Year,
                PrincipalInvestigatorName = "王大明",
                School = "成功大學",
                Department = "醫工所",
                Alliance = new AllianceProfile { AllianceName = "預期成果測試聯盟", PrimaryIndustryCode = "C20" },
            };
            project.Members.Add(new ProjectMember { UserId = pi, Role = ProjectRole.PrincipalInvestigator });
            project.Members.Add(new ProjectMember { UserId = assistant, Role = ProjectRole.Assistant });
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return new ExpectedProject(project.Id, await PeriodIdAsync(db, ReportingPeriodKind.ExpectedResults));
        });
    }

    public static Task<int> PeriodIdAsync(AllianceKpi.Infrastructure.Data.AppDbContext db, ReportingPeriodKind kind) =>
        db.ReportingPeriods.Where(p => p.Kind == kind && p.ProgrammeYear!.Year == DemoSeeder.Year).Select(p => p.Id).SingleAsync();

    /// <summary>Every target filled (so that 確定送出 has nothing blocking) and a note on item 1.</summary>
    public static Dictionary<string, string> Complete()
    {
        var fields = ExpectedTargets.All.ToDictionary(t => Target(t.Key), _ => "1");
        fields[Target("item3.membershipFeeIncome")] = "12.5";
        fields[Target("item3.technicalServiceIncome")] = "0.25";
        fields[Target("item3.otherIncome")] = "100";
        fields[Note(1)] = "招募 5 家廠商會員";
        return fields;
    }

    /// <summary>What the browser would post from the page: every named input and textarea as shown, changed by <paramref name="changes"/>.</summary>
    public static Dictionary<string, string> FieldsOf(IHtmlDocument page, IReadOnlyDictionary<string, string>? changes = null)
    {
        var form = page.QuerySelector("form[data-expected-results]") ?? throw new Xunit.Sdk.XunitException("No 預期成果 form on the page");
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (name == "__RequestVerificationToken")
            {
                continue;
            }
            fields[name] = element is IHtmlTextAreaElement area ? area.Value : ((IHtmlInputElement)element).Value;
        }
        foreach (var (key, value) in changes ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }
        return fields;
    }

    /// <summary>Opens the form, changes fields as a user would and presses 資料暫存 (save) or 確定送出 (submit).</summary>
    public static async Task<HttpResponseMessage> PressAsync(PortalClient client, ExpectedProject project, string command,
        IReadOnlyDictionary<string, string>? changes = null)
    {
        var page = await client.GetPageAsync(project.Url);
        return await PostAsync(client, project.Url, FieldsOf(page, changes), command);
    }

    public static Task<HttpResponseMessage> PostAsync(PortalClient client, string url, Dictionary<string, string> fields, string command)
    {
        fields["command"] = command;
        return client.PostFormAsync(url, fields, tokenPage: url);
    }

    /// <summary>The page after a redirect (PRG), or the page shown again.</summary>
    public static async Task<IHtmlDocument> PageAfterAsync(PortalClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetPageAsync(response.Headers.Location!.OriginalString)
            : PortalClient.Parse(await response.Content.ReadAsStringAsync());

    public static string ValueOf(IHtmlDocument page, string name) =>
        page.QuerySelector($"[name='{name}']") switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlInputElement input => input.Value,
            _ => throw new Xunit.Sdk.XunitException($"No field {name}"),
        };

    public static string ErrorFor(IHtmlDocument page, string name) =>
        page.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";

    public static string Text(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim() ?? "";

    public static Task<Domain.Forms.ExpectedResults?> StoredAsync(PortalFactory factory, ExpectedProject project) =>
        factory.WithDbAsync(db => db.ExpectedResults.AsNoTracking().Include(e => e.Notes)
            .FirstOrDefaultAsync(e => e.ProjectId == project.ProjectId));

    /// <summary>The <c>message</c> of an autosave's JSON refusal.</summary>
    public static async Task<string> MessageOfAsync(HttpResponseMessage response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("message").GetString() ?? "";
    }

    public static bool Has(this IParentNode page, string selector) => page.QuerySelector(selector) is not null;
}
