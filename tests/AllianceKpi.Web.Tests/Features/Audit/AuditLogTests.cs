using System.Net;
using AllianceKpi.Domain.Audit;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Audit;

/// <summary>異動紀錄: every change of an entry is logged with who, when, before and after; the PI and the office read it.</summary>
public sealed class AuditLogTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private async Task<(Personas People, int PeriodId, PortalClient Assistant)> StartAsync()
    {
        var people = await Personas.EnsureAsync(factory);
        return (people, await ProgressTestData.PeriodIdAsync(factory), await factory.SignedInAsync(DemoSeeder.AssistantEmail));
    }

    private Task<int> MemberIdAsync(string name) =>
        factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == name).Select(m => m.Id).SingleAsync());

    private Task<List<AuditEntry>> RowsOfAsync(string entityType, int id) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == id)
            .OrderBy(a => a.Id).ToListAsync());

    private static async Task<HttpResponseMessage> EditAsync(PortalClient client, string url, Dictionary<string, string> fields, string version)
    {
        fields["Form.Version"] = version;
        return await PostAsync(client, url, fields, url);
    }

    [Fact]
    public async Task AddingEditingAndDeletingAMemberIsLoggedWithWhoAndTheFieldsBeforeAndAfter()
    {
        var (people, periodId, assistant) = await StartAsync();
        using var _ = assistant;
        var name = "稽核紀錄精機股份有限公司";
        await AddAsync(assistant, people.DemoProjectId, periodId, Company(name));
        var id = await MemberIdAsync(name);
        var editUrl = $"{Base(people.DemoProjectId, periodId)}/members/{id}/edit";
        var version = ValueOf(await assistant.GetPageAsync(editUrl), "Version");
        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(assistant, editUrl, Company(name, "2021/09/30"), version)).StatusCode);
        var deleteUrl = $"{Base(people.DemoProjectId, periodId)}/members/{id}/delete";
        Assert.Equal(HttpStatusCode.Redirect, (await assistant.PostFormAsync(deleteUrl, new { }, $"{Base(people.DemoProjectId, periodId)}/members")).StatusCode);

        var rows = await RowsOfAsync("AllianceMember", id);
        Assert.Equal([AuditAction.Added, AuditAction.Modified, AuditAction.Deleted], rows.Select(r => r.Action));
        var assistantId = await Personas.UserIdAsync(factory, DemoSeeder.AssistantEmail);
        Assert.All(rows, r => Assert.Equal(assistantId, r.UserId));
        Assert.All(rows, r => Assert.Equal(people.DemoProjectId, r.ProjectId));
        Assert.All(rows, r => Assert.Equal(new DateTime(2021, 6, 1, 2, 0, 0, DateTimeKind.Utc), r.At));

        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var page = await pi.GetPageAsync($"/projects/{people.DemoProjectId}/audit?record=AllianceMember");
        var ours = page.QuerySelectorAll("[data-testid=audit-row]").Where(r => r.TextContent.Contains($"#{id}")).ToList();
        Assert.Equal(["刪除", "修改", "新增"], ours.Select(r => r.Children[3].TextContent.Trim()));
        Assert.All(ours, r => Assert.Contains("林小華", r.Children[1].TextContent));
        Assert.All(ours, r => Assert.Contains("2021/06/01 10:00:00", r.Children[0].TextContent));
        var modified = ours[1];
        var changed = modified.QuerySelectorAll("li[data-field]").Select(li => li.GetAttribute("data-field")).ToList();
        Assert.Equal(["ContractEnd"], changed);
        Assert.Equal("契約截止日：2021/12/31 → 2021/09/30", modified.QuerySelector("li[data-field=ContractEnd]")!.TextContent.Trim());
        Assert.Contains("公司名稱：— → " + name, ours[2].TextContent);
        Assert.Contains("公司名稱：" + name + " → —", ours[0].TextContent);
    }

    [Fact]
    public async Task ASaveThatChangesNothingAndARefusedSaveLeaveNoRow()
    {
        var (people, periodId, assistant) = await StartAsync();
        using var _ = assistant;
        var name = "不變更測試有限公司";
        await AddAsync(assistant, people.DemoProjectId, periodId, Company(name));
        var id = await MemberIdAsync(name);
        var editUrl = $"{Base(people.DemoProjectId, periodId)}/members/{id}/edit";
        var version = ValueOf(await assistant.GetPageAsync(editUrl), "Version");

        Assert.Equal(HttpStatusCode.Redirect, (await EditAsync(assistant, editUrl, Company(name), version)).StatusCode);
        var stale = await EditAsync(assistant, editUrl, Company(name, "2021/09/30"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var bad = await EditAsync(assistant, editUrl, Company(name, "不是日期"), version);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);

        var rows = await RowsOfAsync("AllianceMember", id);
        Assert.Equal([AuditAction.Added], rows.Select(r => r.Action));
    }

    [Fact]
    public async Task ChoicesReadAsTheFormsLabelsAndReferencesAsTheNamesTheyPointAt()
    {
        var (people, periodId, assistant) = await StartAsync();
        using var _ = assistant;
        var name = "標籤顯示精密股份有限公司";
        await AddAsync(assistant, people.DemoProjectId, periodId, Company(name));
        var memberId = await MemberIdAsync(name);
        var url = await EntryPages.ListUrlAsync(factory, people, "technical-services");
        var service = TechnicalServicePageTests.Service("稽核標籤檢測服務").With("MemberId", memberId.ToString()).With("CounterpartyName", "");
        var (saved, _) = await EntryPages.SendAsync(assistant, url, "/new", service, ("檢測報告.pdf", ProgressTestData.Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (number, period) = await factory.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Id == people.DemoProjectId).Select(p => p.Number).SingleAsync(),
            await db.ReportingPeriods.Where(p => p.Id == periodId).Select(p => p.Name).SingleAsync()));

        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var members = await pi.GetPageAsync($"/projects/{people.DemoProjectId}/audit?record=AllianceMember");
        var added = members.QuerySelectorAll("[data-testid=audit-row]").Single(r => r.TextContent.Contains($"#{memberId}"));
        string Line(IElement row, string field) => row.QuerySelector($"li[data-field={field}]")!.TextContent.Trim();
        Assert.Equal("類型：— → 廠商", Line(added, "Type"));
        Assert.Equal("會員資格：— → 會員合約", Line(added, "Basis"));
        Assert.Equal("收費/免費會員：— → 收費會員", Line(added, "IsPaying"));
        Assert.Equal("會員所屬地區：— → 南部", Line(added, "Region"));
        Assert.Equal("是否位屬工業暨產業園區：— → 否", Line(added, "InIndustrialPark"));
        Assert.Equal($"計畫：— → {number}", Line(added, "ProjectId"));
        Assert.Equal($"季類別：— → {period}", Line(added, "ReportingPeriodId"));

        var services = await pi.GetPageAsync($"/projects/{people.DemoProjectId}/audit?record=TechnicalService");
        var logged = services.QuerySelectorAll("[data-testid=audit-row]").Single(r => r.TextContent.Contains("稽核標籤檢測服務"));
        Assert.Equal($"聯盟會員：— → {name}", Line(logged, "MemberId"));
        Assert.Equal("附件：— → 檢測報告.pdf", Line(logged, "AttachmentId"));
    }

    [Theory]
    [InlineData(DemoSeeder.AssistantEmail, HttpStatusCode.Forbidden)]
    [InlineData(Personas.OtherPiEmail, HttpStatusCode.Forbidden)]
    [InlineData(DemoSeeder.PiEmail, HttpStatusCode.OK)]
    [InlineData(DemoSeeder.OfficeEmail, HttpStatusCode.OK)]
    public async Task TheLogIsForThePiOfTheProjectAndTheOfficeOnly(string email, HttpStatusCode expected)
    {
        var people = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync(email);

        var response = await client.GetAsync($"/projects/{people.DemoProjectId}/audit");

        Assert.Equal(expected, response.StatusCode);
    }
}
