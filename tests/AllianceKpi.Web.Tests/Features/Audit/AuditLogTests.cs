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
