using System.Net;
using System.Text;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>Approved-project files and the upload/confirm steps as the office performs them.</summary>
public static class ImportFiles
{
    public static readonly string[] Header = ["計畫編號", "計畫名稱", "年度", "主持人", "Email", "學校", "系所"];

    public static byte[] Csv(params string[][] rows) =>
        Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Select(r => string.Join(",", r))) + "\r\n")).ToArray();

    public static async Task<HttpResponseMessage> UploadAsync(PortalClient client, byte[] bytes, string fileName, string tokenPage = "/office/projects/import")
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "File", fileName } };
        return await client.PostMultipartAsync("/office/projects/import", content, tokenPage);
    }

    public static async Task<IHtmlDocument> PreviewAsync(PortalClient client, byte[] bytes, string fileName)
    {
        var response = await UploadAsync(client, bytes, fileName);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"upload answered {(int)response.StatusCode}");
        return PortalClient.Parse(html);
    }

    public static string UploadIdOf(IHtmlDocument preview) =>
        preview.QuerySelector("[data-testid=confirm-form] input[name=UploadId]")?.GetAttribute("value")
        ?? throw new Xunit.Sdk.XunitException("The preview has no confirm form");

    public static Task<HttpResponseMessage> ConfirmAsync(PortalClient client, string uploadId, string tokenPage = "/office/projects/import") =>
        client.PostFormAsync("/office/projects/import/confirm", new { UploadId = uploadId }, tokenPage);

    public static string RowErrors(IHtmlDocument preview, int rowNumber) =>
        preview.QuerySelector($"tr[data-row='{rowNumber}'] [data-testid=row-errors]")?.TextContent.Trim()
        ?? throw new Xunit.Sdk.XunitException($"The preview has no row {rowNumber}");

    public sealed record Counts(int Projects, int Users, int Members, int Emails, int Alliances);

    public static Task<Counts> CountsAsync(PortalFactory factory) => factory.WithDbAsync(async (AppDbContext db) =>
        new Counts(await db.Projects.CountAsync(), await db.Users.CountAsync(), await db.ProjectMembers.CountAsync(),
            await db.Outbox.CountAsync(), await db.AllianceProfiles.CountAsync()));
}
