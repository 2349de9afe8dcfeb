using System.Globalization;
using System.Text;
using AllianceKpi.Web.Infrastructure.Pdf;

namespace AllianceKpi.Web.Tests.PdfRendering;

/// <summary>A draft report like the summaries will be: a Chinese title, a long table with a header row, the watermark.</summary>
internal static class PdfTestDocument
{
    public const string Title = "產學小聯盟季報摘要";
    public const string HeaderCells = "聯盟名稱 會員家數 營運收入（千元）";

    public static string Build(int rows, string title = Title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-Hant-TW\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>")
            .Append(PrintStylesheet.StyleElement)
            .Append("</head><body>")
            .Append(PrintStylesheet.DraftWatermark)
            .Append("<h1>").Append(title).Append("</h1>")
            .Append("<table><thead><tr><th>聯盟名稱</th><th class=\"number\">會員家數</th><th class=\"number\">營運收入（千元）</th></tr></thead><tbody>");
        for (var i = 1; i <= rows; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>智慧製造聯盟 {i:000}</td><td class=\"number\">{i % 17 + 3}</td><td class=\"number\">{i * 1234:N0}</td></tr>");
        }
        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }
}
