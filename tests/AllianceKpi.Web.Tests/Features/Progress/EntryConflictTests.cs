using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Infrastructure.Views;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>Two people on one entry: the second save is not written over the first; both values are shown and the user merges.</summary>
public sealed class EntryConflictTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    [Fact]
    public async Task TheSecondSaveShowsBothVersionsAndTheMergedSaveKeepsBothChanges()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await AddAsync(assistant, people.DemoProjectId, periodId, Company("同時編輯精密公司"));
        var id = await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == "同時編輯精密公司").Select(m => m.Id).SingleAsync());
        var url = $"{Base(people.DemoProjectId, periodId)}/members/{id}/edit";
        var seenByBoth = ValueOf(await assistant.GetPageAsync(url), "Version");

        var first = await PostAsync(pi, url, Company("同時編輯精密公司", "2021/09/30").With("Version", seenByBoth), url);
        var second = await PostAsync(assistant, url, Company("同時編輯精密公司").With("Representative", "陳新任").With("Version", seenByBoth), url);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = PortalClient.Parse(await second.Content.ReadAsStringAsync());
        var contractEnd = page.QuerySelector("[data-testid=conflict] tr[data-conflict-field='Form.ContractEnd']")!;
        Assert.Contains("2021/12/31", contractEnd.Children[1].TextContent);
        Assert.Contains("2021/09/30", contractEnd.Children[2].TextContent);
        var representative = page.QuerySelector("[data-testid=conflict] tr[data-conflict-field='Form.Representative']")!;
        Assert.Contains("陳新任", representative.Children[1].TextContent);
        Assert.Contains("王小明", representative.Children[2].TextContent);
        Assert.Null(page.QuerySelector("[data-testid=conflict] tr[data-conflict-field='Form.CompanyName']"));
        Assert.Equal("陳新任", ValueOf(page, "Representative"));
        var saved = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal("王小明", saved.Representative);
        Assert.Equal(new DateOnly(2021, 9, 30), saved.ContractEnd);
        Assert.Equal(saved.Version.ToString(), ValueOf(page, "Version"));

        // The assistant keeps the PI's date and their own representative, and saves against the version now shown.
        var merged = await PostAsync(assistant, url, Company("同時編輯精密公司", "2021/09/30").With("Representative", "陳新任")
            .With("Version", ValueOf(page, "Version")), url);

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var after = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(("陳新任", new DateOnly(2021, 9, 30)), (after.Representative, after.ContractEnd));
    }

    [Theory]
    [InlineData("")]
    [InlineData("不是版本")]
    public async Task AnUnreadableHiddenVersionIsToldAboveTheFormAndNothingIsSaved(string version)
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var name = "版本欄位" + (version.Length == 0 ? "空白" : "亂碼") + "測試公司";
        await AddAsync(assistant, people.DemoProjectId, periodId, Company(name));
        var id = await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == name).Select(m => m.Id).SingleAsync());
        var url = $"{Base(people.DemoProjectId, periodId)}/members/{id}/edit";

        var response = await PostAsync(assistant, url, Company(name, "2021/09/30").With("Representative", "陳新任").With("Version", version), url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(UnreadableVersionFilter.Message, page.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal("陳新任", ValueOf(page, "Representative"));
        var saved = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(("王小明", new DateOnly(2021, 12, 31)), (saved.Representative, saved.ContractEnd));
    }

    [Fact]
    public async Task AStaleEditWithANewFileKeepsTheOldFileAndLeavesNoNewFileOrRow()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await ProgressTestData.PeriodIdAsync(factory);
        using var assistant = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        await AddAsync(assistant, people.DemoProjectId, periodId, Company("換檔衝突公司"), ("舊合約.pdf", ProgressTestData.Pdf()));
        var before = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.CompanyName == "換檔衝突公司"));
        var url = $"{Base(people.DemoProjectId, periodId)}/members/{before.Id}/edit";
        var seenByBoth = ValueOf(await assistant.GetPageAsync(url), "Version");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(pi, url, Company("換檔衝突公司").With("Phone", "06-1111111").With("Version", seenByBoth), url)).StatusCode);
        var rowsBefore = await factory.WithDbAsync(db => db.Attachments.CountAsync());
        var filesBefore = ProgressTestData.StoredFiles(factory);

        var stale = await PostAsync(assistant, url, Company("換檔衝突公司").With("Version", seenByBoth), url, ("新合約.pdf", ProgressTestData.Pdf(5000)));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = PortalClient.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal("請重新選擇檔案", ErrorFor(page, "Attachment"));
        var after = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.Id == before.Id));
        Assert.Equal(before.AttachmentId, after.AttachmentId);
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.Attachments.CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Attachments.AnyAsync(a => a.OriginalName == "新合約.pdf")));
        Assert.Equal(filesBefore, ProgressTestData.StoredFiles(factory));
        var old = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.Id == before.AttachmentId));
        Assert.Equal("舊合約.pdf", old.OriginalName);
        Assert.Equal(HttpStatusCode.OK, (await assistant.GetAsync($"/projects/{people.DemoProjectId}/attachments/{old.Id}")).StatusCode);
    }
}
