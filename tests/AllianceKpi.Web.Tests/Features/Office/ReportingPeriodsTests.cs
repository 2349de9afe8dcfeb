using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class ReportingPeriodsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<ReportingPeriod> PeriodAsync(ReportingPeriodKind kind, int year = DemoSeeder.Year) =>
        factory.WithDbAsync(db => db.ReportingPeriods.AsNoTracking().SingleAsync(p => p.ProgrammeYear!.Year == year && p.Kind == kind));

    private Task<int> YearIdAsync(int year) => factory.WithDbAsync(db => db.ProgrammeYears.Where(y => y.Year == year).Select(y => y.Id).SingleAsync());

    /// <summary>A year of its own for a test, with the three standard periods, so tests do not step on each other.</summary>
    private async Task<int> NewYearAsync(PortalClient office, int year)
    {
        await office.PostAcceptedAsync("/office/years/new", new
        {
            Year = year.ToString(), ProjectStart = $"{year}/01/01", ProjectEnd = $"{year + 1}/01/31", IncomeStart = $"{year}/02/01",
            IncomeEnd = $"{year + 1}/01/31", CooperationStart = $"{year}/01/01", CooperationEnd = $"{year + 1}/01/31", MemberCutoff = $"{year}/10/31",
        }, "/office/years", tokenPage: "/office/years/new");
        return await YearIdAsync(year);
    }

    [Fact]
    public async Task OfficeEditsAPeriodsNameDatesAndState()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await NewYearAsync(office, 2041);
        var period = await PeriodAsync(ReportingPeriodKind.FirstReport, 2041);
        var form = await office.GetPageAsync($"/office/periods/{period.Id}/edit");
        Assert.Equal("2041/10/31", form.ValueOf("Deadline"));
        Assert.Equal(period.Version.ToString(), form.ValueOf("Version"));

        await office.PostAcceptedAsync($"/office/periods/{period.Id}/edit", new
        {
            Version = period.Version.ToString(), Name = "2041年第一次成果（延長）", OpensOn = "2041-02-15", Deadline = "2041/11/15", State = "Open",
        }, "/office/years");

        var saved = await PeriodAsync(ReportingPeriodKind.FirstReport, 2041);
        Assert.Equal("2041年第一次成果（延長）", saved.Name);
        Assert.Equal(new DateOnly(2041, 2, 15), saved.OpensOn);
        Assert.Equal(new DateOnly(2041, 11, 15), saved.Deadline);
        Assert.Equal(ReportingPeriodState.Open, saved.State);
        var again = await office.GetPageAsync($"/office/periods/{period.Id}/edit");
        Assert.Equal("Open", Assert.Single(again.QuerySelectorAll("select[name=State] option[selected]")).GetAttribute("value"));
    }

    [Fact]
    public async Task DeadlineBeforeOpeningIsRefusedAndNothingIsSaved()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await NewYearAsync(office, 2042);
        var period = await PeriodAsync(ReportingPeriodKind.SecondReport, 2042);
        var page = await office.PostRefusedAsync($"/office/periods/{period.Id}/edit", new
        {
            Version = period.Version.ToString(), Name = period.Name, OpensOn = "2042/11/01", Deadline = "2042/10/01", State = "Planned",
        }, $"/office/periods/{period.Id}/edit");
        Assert.Equal("截止日 2042/10/01 不可早於開放日 2042/11/01。", page.ErrorFor("Deadline"));
        Assert.Equal("2042/10/01", page.ValueOf("Deadline"));
        Assert.Contains("第二次成果", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(period.Deadline, (await PeriodAsync(ReportingPeriodKind.SecondReport, 2042)).Deadline);
    }

    [Fact]
    public async Task EmptyNameAndBadDatesAreRefusedNextToTheirFields()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var period = await PeriodAsync(ReportingPeriodKind.ExpectedResults);
        var page = await office.PostRefusedAsync($"/office/periods/{period.Id}/edit", new
        {
            Version = period.Version.ToString(), Name = "x", OpensOn = "4/30", Deadline = "", State = "Open",
        }, $"/office/periods/{period.Id}/edit");
        Assert.Equal("日期格式應為 2021/10/31", page.ErrorFor("OpensOn"));
        Assert.Equal("4/30", page.ValueOf("OpensOn"));
        Assert.Equal("請輸入日期。", page.ErrorFor("Deadline"));

        page = await office.PostRefusedAsync($"/office/periods/{period.Id}/edit", new
        {
            Version = period.Version.ToString(), Name = " ", OpensOn = "2021/03/29", Deadline = "2021/04/30", State = "Open",
        }, $"/office/periods/{period.Id}/edit");
        Assert.Equal("請輸入綜整表名稱。", page.ErrorFor("Name"));
        Assert.Equal(period.Name, (await PeriodAsync(ReportingPeriodKind.ExpectedResults)).Name);
    }

    [Fact]
    public async Task StalePeriodVersionIsRefusedWithTheConflictMessage()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await NewYearAsync(office, 2043);
        var stale = await PeriodAsync(ReportingPeriodKind.ExpectedResults, 2043);
        await factory.WithDbAsync(async db =>
        {
            var period = await db.ReportingPeriods.SingleAsync(p => p.Id == stale.Id);
            period.Name = "別人改過的名稱";
            await db.SaveChangesAsync();
        });
        var page = await office.PostRefusedAsync($"/office/periods/{stale.Id}/edit", new
        {
            Version = stale.Version.ToString(), Name = "我的名稱", OpensOn = "2043/01/01", Deadline = "2043/04/30", State = "Open",
        }, $"/office/periods/{stale.Id}/edit");
        Assert.Contains("資料已被其他人修改，請重新載入後再編輯。", page.FormErrors());
        Assert.Equal("我的名稱", page.ValueOf("Name"));
        Assert.Equal("別人改過的名稱", (await PeriodAsync(ReportingPeriodKind.ExpectedResults, 2043)).Name);
    }

    [Fact]
    public async Task OfficeAddsTheFinalReportWithItsStandardNameWhenTheNameIsLeftEmpty()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var yearId = await NewYearAsync(office, 2044);
        var form = await office.GetPageAsync($"/office/years/{yearId}/periods/new");
        Assert.Equal("FinalReport", form.ValueOf("Kind"));
        Assert.Contains(form.QuerySelectorAll("select[name=Kind] option"), o => o.TextContent == "期末報告");
        Assert.Equal("2045/04/30", form.ValueOf("Deadline"));

        await office.PostAcceptedAsync($"/office/years/{yearId}/periods/new", new
        {
            Kind = "FinalReport", Name = "", OpensOn = "2045/02/01", Deadline = "2045/04/30", State = "Planned",
        }, "/office/years");

        var final = await PeriodAsync(ReportingPeriodKind.FinalReport, 2044);
        Assert.Equal("2044年產學小聯盟期末報告", final.Name);
        Assert.Equal(new DateOnly(2045, 4, 30), final.Deadline);
        Assert.Equal(ReportingPeriodState.Planned, final.State);
    }

    [Fact]
    public async Task AKindTheYearAlreadyHasIsRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var yearId = await YearIdAsync(DemoSeeder.Year);
        var page = await office.PostRefusedAsync($"/office/years/{yearId}/periods/new", new
        {
            Kind = "FirstReport", Name = "重複的第一次", OpensOn = "2021/02/01", Deadline = "2021/10/31", State = "Planned",
        }, $"/office/years/{yearId}/periods/new");
        Assert.Equal("2021 年度已有「第一次成果」綜整表（2021年產學小聯盟第一次(3)成果綜整表），不可重複新增。", page.ErrorFor("Kind"));
        Assert.Equal("重複的第一次", page.ValueOf("Name"));
        Assert.Equal("FirstReport", page.ValueOf("Kind"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ReportingPeriods.CountAsync(p => p.ProgrammeYearId == yearId && p.Kind == ReportingPeriodKind.FirstReport)));
    }

    [Fact]
    public async Task OfficeOpensAndClosesAPeriod()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await NewYearAsync(office, 2045);
        var period = await PeriodAsync(ReportingPeriodKind.ExpectedResults, 2045);

        var opened = await office.PostFormAsync($"/office/periods/{period.Id}/open", new { }, tokenPage: "/office/years");
        Assert.Equal("/office/years", opened.Headers.Location?.OriginalString);
        Assert.Equal(ReportingPeriodState.Open, (await PeriodAsync(ReportingPeriodKind.ExpectedResults, 2045)).State);
        var list = await office.GetPageAsync("/office/years");
        Assert.Contains("已開放填報", list.QuerySelector("[data-testid=flash]")!.TextContent);
        Assert.Equal("開放中", list.QuerySelector($"[data-testid=period-{period.Id}] [data-testid=state]")!.TextContent);
        Assert.NotNull(list.QuerySelector($"form[action='/office/periods/{period.Id}/close'] button[data-confirm]"));

        await office.PostFormAsync($"/office/periods/{period.Id}/close", new { }, tokenPage: "/office/years");
        Assert.Equal(ReportingPeriodState.Closed, (await PeriodAsync(ReportingPeriodKind.ExpectedResults, 2045)).State);
    }
}
