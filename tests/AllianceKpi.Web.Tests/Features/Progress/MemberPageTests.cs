using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>招募聯盟會員: add, list with the rules engine's verdict, edit, delete, earlier periods' valid members.</summary>
public sealed class MemberPageTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private async Task<(Personas People, int PeriodId, PortalClient Client)> StartAsync(string email = DemoSeeder.AssistantEmail)
    {
        var people = await Personas.EnsureAsync(factory);
        return (people, await PeriodAsync(factory), await factory.SignedInAsync(email));
    }

    private Task<AllianceMember> SavedAsync(int projectId, string name) =>
        factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.ProjectId == projectId && m.CompanyName == name));

    [Fact]
    public async Task ACompanyMemberWhoseContractSpansTheCutoffIsListedAsCounted()
    {
        var (people, periodId, client) = await StartAsync();
        using var _ = client;

        var flash = await AddAsync(client, people.DemoProjectId, periodId, Company("台南精密機械股份有限公司"));

        Assert.Equal("已儲存：列計", flash);
        var saved = await SavedAsync(people.DemoProjectId, "台南精密機械股份有限公司");
        Assert.Equal(periodId, saved.ReportingPeriodId);
        Assert.Equal(Domain.Reference.Region.South, saved.Region);
        var list = await client.GetPageAsync($"{Base(people.DemoProjectId, periodId)}/members");
        var row = list.QuerySelector($"[data-testid=member-{saved.Id}]")!;
        Assert.Contains("2021第一次(3)", row.TextContent);
        Assert.Contains("(C19)電子零組件製造業", row.TextContent);
        Assert.Contains("501~1,000萬元", row.TextContent);
        Assert.Equal("列計", row.QuerySelector("[data-testid=verdict] .badge")!.TextContent);
    }

    [Fact]
    public async Task AMemberWhoseContractEndsBeforeTheCutoffIsNotCountedAndSaysWhy()
    {
        var (people, periodId, client) = await StartAsync();
        using var _ = client;

        var flash = await AddAsync(client, people.DemoProjectId, periodId, Company("九月到期有限公司", "2021/09/30"));

        Assert.StartsWith("已儲存：不列計——", flash);
        Assert.Contains("2021/09/30", flash);
        Assert.Contains("2021/10/31", flash);
        var saved = await SavedAsync(people.DemoProjectId, "九月到期有限公司");
        var list = await client.GetPageAsync($"{Base(people.DemoProjectId, periodId)}/members");
        var verdict = list.QuerySelector($"[data-testid=member-{saved.Id}] [data-testid=verdict]")!;
        Assert.Equal("不列計", verdict.QuerySelector(".badge")!.TextContent);
        Assert.Contains("2021/09/30", verdict.QuerySelector(".badge")!.GetAttribute("title"));
        Assert.Contains("2021/10/31", verdict.TextContent);
    }

    [Fact]
    public async Task ExtendingTheContractOnEditChangesTheVerdict()
    {
        var (people, periodId, client) = await StartAsync(DemoSeeder.PiEmail);
        using var _ = client;
        await AddAsync(client, people.DemoProjectId, periodId, Company("展延合約公司", "2021/09/30"));
        var saved = await SavedAsync(people.DemoProjectId, "展延合約公司");
        var editUrl = $"{Base(people.DemoProjectId, periodId)}/members/{saved.Id}/edit";
        var form = await client.GetPageAsync(editUrl);
        Assert.Equal("2021/09/30", ValueOf(form, "ContractEnd"));

        var fields = Company("展延合約公司", "2022/03/31").With("Version", ValueOf(form, "Version"));
        var response = await PostAsync(client, editUrl, fields, editUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("已儲存：列計", list.QuerySelector("[data-testid=flash]")!.TextContent);
        Assert.Equal(new DateOnly(2022, 3, 31), (await SavedAsync(people.DemoProjectId, "展延合約公司")).ContractEnd);
    }

    [Fact]
    public async Task AStaleVersionIsRefusedAndTheFormKept()
    {
        var (people, periodId, client) = await StartAsync();
        using var _ = client;
        await AddAsync(client, people.DemoProjectId, periodId, Company("版本衝突公司"));
        var saved = await SavedAsync(people.DemoProjectId, "版本衝突公司");
        var editUrl = $"{Base(people.DemoProjectId, periodId)}/members/{saved.Id}/edit";

        var fields = Company("版本衝突公司改名").With("Version", Guid.NewGuid().ToString());
        var response = await PostAsync(client, editUrl, fields, editUrl);

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("資料已被其他人修改", page.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Equal("版本衝突公司改名", ValueOf(page, "CompanyName"));
        Assert.Equal("版本衝突公司", (await SavedAsync(people.DemoProjectId, "版本衝突公司")).CompanyName);
    }

    [Fact]
    public async Task DeletingAMemberRemovesIt()
    {
        var (people, periodId, client) = await StartAsync();
        using var _ = client;
        await AddAsync(client, people.DemoProjectId, periodId, Company("待刪除公司"));
        var saved = await SavedAsync(people.DemoProjectId, "待刪除公司");
        var listUrl = $"{Base(people.DemoProjectId, periodId)}/members";

        var response = await client.PostFormAsync($"{listUrl}/{saved.Id}/delete", new { }, listUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.Id == saved.Id)));
    }

    [Fact]
    public async Task AMemberNamedByAnIncomeCannotBeDeleted()
    {
        var (people, periodId, client) = await StartAsync();
        using var _ = client;
        await AddAsync(client, people.DemoProjectId, periodId, Company("有收入的會員"));
        var saved = await SavedAsync(people.DemoProjectId, "有收入的會員");
        await factory.WithDbAsync(db =>
        {
            db.OperatingIncomes.Add(new OperatingIncome { ProjectId = people.DemoProjectId, ReportingPeriodId = periodId, MemberId = saved.Id, MembershipFee = 10, AccountingDate = new DateOnly(2021, 5, 1) });
            return db.SaveChangesAsync();
        });
        var listUrl = $"{Base(people.DemoProjectId, periodId)}/members";

        var response = await client.PostFormAsync($"{listUrl}/{saved.Id}/delete", new { }, listUrl);
        var list = await client.GetPageAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("此會員已被聯盟營運收入的資料引用，無法刪除", list.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.Id == saved.Id)));
    }

    [Fact]
    public async Task AnotherMemberWithTheSameTaxIdGetsAWarningButIsSaved()
    {
        var (people, periodId, client) = await StartAsync();
        using var _ = client;
        await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.TaxId == ValidTaxId).ExecuteDeleteAsync());
        await AddAsync(client, people.DemoProjectId, periodId, Company("統編重複甲").With("TaxId", ValidTaxId));

        var flash = await AddAsync(client, people.DemoProjectId, periodId, Company("統編重複乙").With("TaxId", ValidTaxId));

        Assert.StartsWith("已儲存：", flash);
        Assert.Contains("此統一編號／公司名稱已是本聯盟會員（2021第一次(3)）", flash);
        var second = await SavedAsync(people.DemoProjectId, "統編重複乙");
        var form = await client.GetPageAsync($"{Base(people.DemoProjectId, periodId)}/members/{second.Id}/edit");
        Assert.Contains("已是本聯盟會員", form.QuerySelector("[data-testid=duplicate-warning]")!.TextContent);
    }

    [Fact]
    public async Task AnotherMemberWhoseNameDiffersOnlyInSpacesWidthOrCaseGetsTheWarningAsTheEngineJudgesIt()
    {
        var (people, periodId, client) = await StartAsync();
        using var _ = client;
        await AddAsync(client, people.DemoProjectId, periodId, Company("台灣 積體電路ａｂ２號"));
        await AddAsync(client, people.DemoProjectId, periodId, Company("同名異統編公司").With("TaxId", "22099131"));

        var sameName = await AddAsync(client, people.DemoProjectId, periodId, Company("台灣積體電路AB2號"));
        var otherName = await AddAsync(client, people.DemoProjectId, periodId, Company("台灣積體電路AB3號"));
        var otherTaxId = await AddAsync(client, people.DemoProjectId, periodId, Company("同名異統編公司").With("TaxId", "10458574"));

        Assert.Contains("此統一編號／公司名稱已是本聯盟會員（2021第一次(3)）", sameName);
        Assert.Contains("重複（名稱相同）", sameName);
        Assert.DoesNotContain("已是本聯盟會員", otherName);
        Assert.DoesNotContain("已是本聯盟會員", otherTaxId);
    }

    [Fact]
    public async Task EarlierPeriodsValidMembersAreListedReadOnlyAndCannotBeEditedThroughALaterPeriod()
    {
        var (people, firstId, client) = await StartAsync(DemoSeeder.OfficeEmail);
        using var _ = client;
        var secondId = await PeriodAsync(factory, ReportingPeriodKind.SecondReport);
        var earlier = await factory.WithDbAsync(async db =>
        {
            var member = Member(people.DemoProjectId, firstId, "第一次招募的會員");
            db.AllianceMembers.Add(member);
            await db.SaveChangesAsync();
            return member;
        });

        var list = await client.GetPageAsync($"{Base(people.DemoProjectId, secondId)}/members");
        var row = list.QuerySelector($"[data-testid=earlier-member-{earlier.Id}]")!;
        Assert.Contains("2021第一次(3)", row.TextContent);
        Assert.Null(row.QuerySelector("form, a[href$='/edit']"));
        Assert.Null(list.QuerySelector($"[data-testid=member-{earlier.Id}]"));
        Assert.Equal($"{Base(people.DemoProjectId, firstId)}/members",
            list.QuerySelector("[data-testid=other-periods] a")!.GetAttribute("href"));

        var edit = await client.GetAsync($"{Base(people.DemoProjectId, secondId)}/members/{earlier.Id}/edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task TheOverviewShowsTheHeaderTheFiguresAndACardPerKind()
    {
        var (people, periodId, client) = await StartAsync(DemoSeeder.PiEmail);
        using var _ = client;
        await AddAsync(client, people.DemoProjectId, periodId, Company("總覽用公司"));

        var page = await client.GetPageAsync(Base(people.DemoProjectId, periodId));

        var header = page.QuerySelector("[data-testid=progress-header]")!.TextContent;
        Assert.Contains("2021ETPC_test", header);
        Assert.Contains("2021年產學小聯盟第一次(3)成果綜整表", header);
        Assert.Contains("2021/10/31", header);
        Assert.NotNull(page.QuerySelector("[data-testid=editable]"));
        var members = page.QuerySelector("[data-kind=Member]")!;
        Assert.True(int.Parse(members.QuerySelector("[data-testid=counted]")!.TextContent) >= 1);
        Assert.NotNull(page.QuerySelector("[data-testid=figures] [data-measure=CompanyMembers]"));
        var second = await client.GetPageAsync(Base(people.DemoProjectId, await PeriodAsync(factory, ReportingPeriodKind.SecondReport)));
        var companies = second.QuerySelector("[data-testid=figures] [data-measure=CompanyMembers]")!;
        Assert.Equal("0", companies.QuerySelector("[data-testid=period-value]")!.TextContent);
        Assert.True(int.Parse(companies.QuerySelector("[data-testid=cumulative-value]")!.TextContent) >= 1);
        var tabs = page.QuerySelectorAll("[data-testid=progress-tabs] a").Select(a => a.GetAttribute("href")!.Split('/').Last()).ToList();
        Assert.Equal([periodId.ToString(), "members", "income", "cooperation", "tech-transfers", "technical-services", "promotion", "member-services", "derived-results"], tabs);
        foreach (var tab in page.QuerySelectorAll("[data-testid=progress-tabs] a").Skip(1))
        {
            await client.GetPageAsync(tab.GetAttribute("href")!);
        }
    }
}
