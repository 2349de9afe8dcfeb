using AllianceKpi.Domain.Kpi;
using Microsoft.AspNetCore.Html;
using AllianceKpi.Web.Infrastructure.Localization;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>
/// The 列計 / 不列計 badge of an entry with its reasons and notes, written straight into the page: a list row calls it once
/// per entry, and a partial view per row (view lookup, view data copy, buffer) cost more than the whole row.
/// </summary>
public static class VerdictBadge
{
    public static IHtmlContent For(Verdict? verdict, PortalText localizer)
    {
        if (verdict is null)
        {
            return HtmlString.Empty;
        }
        var html = new HtmlContentBuilder(8 + 3 * (verdict.Reasons.Count + verdict.Notes.Count));
        html.AppendHtml("<div data-testid=\"verdict\" class=\"verdict\">");
        var reasons = string.Join("；", verdict.Reasons);
        if (verdict.Counted)
        {
            html.AppendHtml("<span class=\"badge text-bg-success\" title=\"")
                .Append(reasons.Length > 0 ? reasons : string.Join("；", verdict.Notes))
                .AppendHtml("\">").AppendHtml(localizer["列計"]).AppendHtml("</span>");
        }
        else
        {
            html.AppendHtml("<span class=\"badge text-bg-secondary\" title=\"").Append(reasons)
                .AppendHtml("\">").AppendHtml(localizer["不列計"]).AppendHtml("</span>");
        }
        foreach (var reason in verdict.Reasons)
        {
            html.AppendHtml("<div class=\"small text-danger\">").Append(reason).AppendHtml("</div>");
        }
        foreach (var note in verdict.Notes)
        {
            html.AppendHtml("<div class=\"small text-secondary\">").Append(note).AppendHtml("</div>");
        }
        return html.AppendHtml("</div>");
    }
}
