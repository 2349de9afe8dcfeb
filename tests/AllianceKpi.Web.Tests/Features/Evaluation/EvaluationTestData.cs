using System.Net.Http.Headers;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Evaluation;

/// <summary>A file chosen for one item of the form.</summary>
public sealed record ItemFile(int Item, string Name, byte[] Content);

/// <summary>
/// The 管考資料 form as the page posts it, and data arranged in the database. Each test works on a project of its own (the demo
/// PI and assistant hold their roles on it), so that one test's 確定送出 does not lock another's form.
/// </summary>
public static class EvaluationTestData
{
    public static string Url(int projectId, int periodId) => $"/projects/{projectId}/evaluation/{periodId}";

    public static int IndexOf(int item) => FormItems.Evaluation.Select((i, index) => (i.Number, index)).First(p => p.Number == item).index;

    public static string Narrative(int item) => $"Form.Items[{IndexOf(item)}].Narrative";

    public static string DifferenceAnalysis(int item) => $"Form.Items[{IndexOf(item)}].DifferenceAnalysis";

    public static string Attachment(int item) => $"Form.Items[{IndexOf(item)}].Attachment";

    /// <summary>Every field 確定送出 needs: the narratives of items 1–8, item 8's figures (0: no calculation method needed), item 10's counts.</summary>
    public static Dictionary<string, string> Complete()
    {
        var fields = new Dictionary<string, string>();
        foreach (var item in FormItems.Evaluation.Where(i => i.NarrativeRequired))
        {
            fields[Narrative(item.Number)] = $"第{item.Number}項依計畫執行。";
        }
        fields["Form.NewHires"] = "0";
        fields["Form.DerivedOutputValue"] = "0";
        fields["Form.TalentPlaced"] = "0";
        fields["Form.Undergraduates"] = "2";
        fields["Form.Masters"] = "3";
        fields["Form.Doctorals"] = "1";
        fields["Form.Postdocs"] = "0";
        fields["Form.FullTimeAssistants"] = "1";
        return fields;
    }

    public static Dictionary<string, string> Set(this Dictionary<string, string> fields, string name, string value)
    {
        fields[name] = value;
        return fields;
    }

    /// <summary>Opens the form page as the user would, then posts the fields with the page's Version (unless given) and token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, Dictionary<string, string> fields,
        string command = "save", params ItemFile[] files)
    {
        var page = await client.GetPageAsync(url);
        var all = new Dictionary<string, string>(fields);
        all.TryAdd("Form.Version", VersionOn(page));
        return await client.Http.PostAsync(url, Multipart(all, command, PortalClient.TokenOf(page)!, files));
    }

    /// <summary>A POST built by hand, with a token from another page (for users who cannot open the form or see no button).</summary>
    public static async Task<HttpResponseMessage> CraftedPostAsync(PortalClient client, string url, Dictionary<string, string> fields,
        string command, string tokenPage = "/") =>
        await client.Http.PostAsync(url, Multipart(fields, command, await client.TokenAsync(tokenPage), []));

    /// <summary>
    /// The fields with every item present, as a browser posts the page (each item has a 簡要差異分析 textarea): the item list
    /// binds by position, so a post that skipped an item would not bind the ones after it.
    /// </summary>
    public static Dictionary<string, string> Full(Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields);
        for (var index = 0; index < FormItems.Evaluation.Count; index++)
        {
            if (!all.Keys.Any(k => k.StartsWith($"Form.Items[{index}].", StringComparison.Ordinal)))
            {
                all[$"Form.Items[{index}].DifferenceAnalysis"] = "";
            }
        }
        return all;
    }

    public static MultipartFormDataContent Multipart(Dictionary<string, string> fields, string command, string token, ItemFile[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in Full(fields))
        {
            content.Add(new StringContent(value), key);
        }
        content.Add(new StringContent(command), "command");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var file in files)
        {
            var bytes = new ByteArrayContent(file.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(bytes, Attachment(file.Item), file.Name);
        }
        return content;
    }

    /// <summary>The autosave as autosave.js sends it (all the form's fields, no files), with the token of the form page.</summary>
    public static Task<HttpResponseMessage> AutosaveAsync(PortalClient client, string url, Dictionary<string, string> fields, string? tokenPage = null) =>
        client.PostFormAsync(url + "/autosave", Full(fields), tokenPage ?? url);

    public static string VersionOn(IHtmlDocument page) =>
        page.QuerySelector("input[name='Form.Version']")?.GetAttribute("value") ?? Guid.Empty.ToString();

    public static string TextOf(IHtmlDocument page, string key) =>
        (page.GetElementById(key) as IHtmlTextAreaElement)?.Value ?? (page.GetElementById(key) as IHtmlInputElement)?.Value ?? "";

    public static string ErrorFor(IHtmlDocument page, string name) =>
        page.QuerySelector($"[data-valmsg-for='{name}']")?.TextContent.Trim() ?? "";

    public static string StateOn(IHtmlDocument page) => page.QuerySelector("[data-testid=form-state]")?.TextContent.Trim() ?? "";

    /// <summary>A project of the 2021 programme year on which the demo PI and assistant hold their roles.</summary>
    public static async Task<int> ProjectAsync(PortalFactory factory)
    {
        var piId = await Personas.UserIdAsync(factory, DemoSeeder.PiEmail);
        var assistantId = await Personas.UserIdAsync(factory, DemoSeeder.AssistantEmail);
        var number = "EV" + Guid.NewGuid().ToString("N")[..10];
        var project = new Project
        {
            Number = number,
            Name = $"管考測試計畫{number}",
            Year = DemoSeeder.Year,
            PrincipalInvestigatorName = "王大明",
            School = "成功大學",
            Department = "機械系",
            Alliance = new AllianceProfile { AllianceName = $"管考測試聯盟{number}", PrimaryIndustryCode = "C19" },
        };
        project.Members.Add(new ProjectMember { UserId = piId, Role = ProjectRole.PrincipalInvestigator });
        project.Members.Add(new ProjectMember { UserId = assistantId, Role = ProjectRole.Assistant });
        await factory.WithDbAsync(db => db.Projects.Add(project).Context.SaveChangesAsync());
        return project.Id;
    }

    public static Task<int> PeriodAsync(PortalFactory factory, ReportingPeriodKind kind = ReportingPeriodKind.FirstReport) =>
        ProgressTestData.PeriodIdAsync(factory, kind);

    /// <summary>The year's 預期成果 stored directly (the other form's pages are not needed here).</summary>
    public static Task ExpectedResultsAsync(PortalFactory factory, int projectId, FormState state, Action<Domain.Forms.ExpectedResults>? targets = null) =>
        factory.WithDbAsync(async db =>
        {
            var form = new Domain.Forms.ExpectedResults { ProjectId = projectId, Year = DemoSeeder.Year, State = state, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            targets?.Invoke(form);
            db.ExpectedResults.Add(form);
            await db.SaveChangesAsync();
        });

    public static Task<EvaluationForm?> FormAsync(PortalFactory factory, int projectId, int periodId) =>
        factory.WithDbAsync(db => db.EvaluationForms.AsNoTracking().Include(f => f.Items)
            .FirstOrDefaultAsync(f => f.ProjectId == projectId && f.ReportingPeriodId == periodId));

    public static Task<List<FormSubmission>> SubmissionsAsync(PortalFactory factory, int projectId, int periodId) =>
        factory.WithDbAsync(db => db.FormSubmissions.AsNoTracking()
            .Where(s => s.ProjectId == projectId && s.ReportingPeriodId == periodId && s.Kind == FormKind.Evaluation)
            .OrderBy(s => s.Number).ToListAsync());
}
