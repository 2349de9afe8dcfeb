using System.Net;
using System.Net.Http.Headers;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>Members as the form posts them (field names with the Form. prefix) and as the database holds them.</summary>
public static class MemberTestData
{
    public const string ValidTaxId = "04595257";

    public static string Base(int projectId, int periodId) => $"/projects/{projectId}/progress/{periodId}";

    public static Dictionary<string, string> Company(string name, string contractEnd = "2021/12/31") => new()
    {
        ["Form.Type"] = "Company",
        ["Form.Basis"] = "Contract",
        ["Form.IndustryCode"] = "C19",
        ["Form.IsPaying"] = "true",
        ["Form.Region"] = "",
        ["Form.CompanyName"] = name,
        ["Form.TaxId"] = "",
        ["Form.Representative"] = "王小明",
        ["Form.City"] = "臺南市",
        ["Form.Street"] = "東區大學路1號",
        ["Form.Phone"] = "06-2757575",
        ["Form.ContractStart"] = "2021/03/01",
        ["Form.ContractEnd"] = contractEnd,
        ["Form.CapitalBand"] = "501~1,000萬元",
        ["Form.EmployeeBand"] = "經常雇用員工數超過100~199人",
        ["Form.InIndustrialPark"] = "false",
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string field, string value)
    {
        fields["Form." + field] = value;
        return fields;
    }

    /// <summary>Posts the fields as the browser does (multipart), with a file when given.</summary>
    public static Task<HttpResponseMessage> PostAsync(PortalClient client, string url, Dictionary<string, string> fields,
        string tokenPage, (string Name, byte[] Content)? file = null)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(bytes, "Form.Attachment", f.Name);
        }
        return client.PostMultipartAsync(url, content, tokenPage);
    }

    /// <summary>Adds a member of the given period and returns its list URL's flash after the redirect.</summary>
    public static async Task<string> AddAsync(PortalClient client, int projectId, int periodId, Dictionary<string, string> fields,
        (string Name, byte[] Content)? file = null)
    {
        var url = $"{Base(projectId, periodId)}/members/new";
        var response = await PostAsync(client, url, fields, url, file);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new Xunit.Sdk.XunitException($"Add refused: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }
        var list = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        return list.QuerySelector("[data-testid=flash]")?.TextContent ?? "";
    }

    public static string ErrorFor(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='Form.{field}']")?.TextContent.Trim() ?? "";

    public static string ValueOf(IHtmlDocument page, string field) =>
        page.QuerySelector($"[name='Form.{field}']") is IHtmlInputElement input ? input.Value
        : page.QuerySelector($"[name='Form.{field}']") is IHtmlSelectElement select ? select.Value ?? "" : "";

    public static AllianceMember Member(int projectId, int periodId, string name, DateOnly? contractEnd = null) => new()
    {
        ProjectId = projectId,
        ReportingPeriodId = periodId,
        Type = MemberType.Company,
        Basis = MembershipBasis.Contract,
        IndustryCode = "C19",
        IsPaying = true,
        Region = Region.South,
        CompanyName = name,
        Representative = "陳大文",
        City = "臺南市",
        Street = "中西區民生路1號",
        Phone = "06-1234567",
        ContractStart = new DateOnly(2021, 3, 1),
        ContractEnd = contractEnd ?? new DateOnly(2021, 12, 31),
        CapitalBand = "101~500萬元",
        EmployeeBand = "經常雇用員工數5~29人",
        InIndustrialPark = false,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    public static Task<int> PeriodAsync(PortalFactory factory, ReportingPeriodKind kind = ReportingPeriodKind.FirstReport) =>
        ProgressTestData.PeriodIdAsync(factory, kind);
}
