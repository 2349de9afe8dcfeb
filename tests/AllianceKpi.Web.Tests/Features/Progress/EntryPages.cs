using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>Posts to one kind's pages (…/{slug}/new, …/{id}/edit) and reads what the user sees next: the list after a redirect or the form again.</summary>
public static class EntryPages
{
    public static async Task<string> ListUrlAsync(PortalFactory factory, Personas people, string slug,
        ReportingPeriodKind kind = ReportingPeriodKind.FirstReport) =>
        $"{Base(people.DemoProjectId, await PeriodAsync(factory, kind))}/{slug}";

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SendAsync(PortalClient client, string listUrl,
        string action, Dictionary<string, string> fields, (string, byte[])? file = null)
    {
        var response = await PostAsync(client, listUrl + action, fields, listUrl, file);
        var page = response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetPageAsync(response.Headers.Location!.OriginalString)
            : PortalClient.Parse(await response.Content.ReadAsStringAsync());
        return (response, page);
    }

    public static string Flash(IHtmlDocument page) => page.QuerySelector("[data-testid=flash]")?.TextContent ?? "";

    public static string FlashError(IHtmlDocument page) => page.QuerySelector("[data-testid=flash-error]")?.TextContent ?? "";
}
