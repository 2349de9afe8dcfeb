using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office;

public sealed class ProgrammeYearsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static object YearFields(string year, string cutoff = "", Guid? version = null, string projectEnd = "") => new
    {
        Version = (version ?? Guid.Empty).ToString(),
        Year = year,
        ProjectStart = $"{year}/01/01",
        ProjectEnd = projectEnd == "" ? $"{int.Parse(year) + 1}/01/31" : projectEnd,
        IncomeStart = $"{year}/02/01",
        IncomeEnd = $"{int.Parse(year) + 1}/01/31",
        CooperationStart = $"{year}/01/01",
        CooperationEnd = $"{int.Parse(year) + 1}/01/31",
        MemberCutoff = cutoff == "" ? $"{year}/10/31" : cutoff,
    };

    private Task<ProgrammeYear> YearAsync(int year) =>
        factory.WithDbAsync(db => db.ProgrammeYears.AsNoTracking().Include(y => y.Periods).SingleAsync(y => y.Year == year));

    [Fact]
    public async Task YearListShowsTheSeededYearWithItsWindowsAndPeriods()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.GetPageAsync("/office/years");
        var section = page.QuerySelector("[data-testid=year-2021]")!;
        var windows = section.QuerySelector("[data-testid=windows]")!.TextContent;
        Assert.Contains("2021/01/01~2022/01/31", windows);
        Assert.Contains("2021/02/01~2022/01/31", windows);
        Assert.Contains("2021/10/31", windows);
        var rows = section.QuerySelectorAll("[data-testid=periods] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("2021年產學小聯盟第一次(3)成果綜整表") && r.Contains("第一次成果") && r.Contains("2021/10/31") && r.Contains("開放中"));
    }

    [Fact]
    public async Task NewYearFormIsPrefilledWithTheFollowingYearsStandardWindows()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.GetPageAsync("/office/years/new");
        var next = await factory.WithDbAsync(db => db.ProgrammeYears.MaxAsync(y => y.Year)) + 1;
        Assert.Equal(next.ToString(), page.ValueOf("Year"));
        Assert.Equal($"{next}/02/01", page.ValueOf("IncomeStart"));
        Assert.Equal($"{next + 1}/01/31", page.ValueOf("ProjectEnd"));
        Assert.Equal($"{next}/10/31", page.ValueOf("MemberCutoff"));
    }

    [Fact]
    public async Task OfficeAddsAYearWithItsThreeStandardPeriodsNotYetOpen()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/years/new", YearFields("2031"), "/office/years");

        var year = await YearAsync(2031);
        Assert.Equal(new DateOnly(2031, 10, 31), year.MemberCutoff);
        var periods = year.Periods.OrderBy(p => p.Kind).ToList();
        Assert.Equal([ReportingPeriodKind.ExpectedResults, ReportingPeriodKind.FirstReport, ReportingPeriodKind.SecondReport], periods.Select(p => p.Kind));
        Assert.All(periods, p => Assert.Equal(ReportingPeriodState.Planned, p.State));
        Assert.Equal("2031年產學小聯盟第一次(3)成果綜整表", periods[1].Name);
        Assert.Equal(new DateOnly(2031, 10, 31), periods[1].Deadline);
        Assert.Equal(new DateOnly(2032, 1, 31), periods[2].Deadline);
        Assert.All(periods, p => Assert.True(p.OpensOn <= p.Deadline));

        var list = await office.GetPageAsync("/office/years");
        Assert.Contains("已新增 2031 年度", list.QuerySelector("[data-testid=flash]")!.TextContent);
        Assert.Equal(3, list.QuerySelectorAll("[data-testid=year-2031] [data-testid=state]").Count(s => s.TextContent == "未開放"));
    }

    [Fact]
    public async Task DuplicateYearIsRefusedWithAMessageNextToTheYear()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.PostRefusedAsync("/office/years/new", YearFields("2021"), "/office/years/new");
        Assert.Equal("2021 年度已存在，請改為編輯該年度。", page.ErrorFor("Year"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ProgrammeYears.CountAsync(y => y.Year == 2021)));
    }

    [Fact]
    public async Task BadDatesAreRefusedNextToTheFieldAndKeptAsTyped()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var fields = PortalClient.ToPairs(YearFields("2032")).Select(p => p.Key switch
        {
            "IncomeStart" => new KeyValuePair<string, string>(p.Key, "2032/13/45"),
            "ProjectStart" => new KeyValuePair<string, string>(p.Key, "2032-01-01"),
            "Year" => new KeyValuePair<string, string>(p.Key, "2032"),
            _ => p,
        }).ToList();
        var page = await office.PostRefusedAsync("/office/years/new", fields, "/office/years/new");
        Assert.Equal("日期格式應為 2021/10/31", page.ErrorFor("IncomeStart"));
        Assert.Equal("2032/13/45", page.ValueOf("IncomeStart"));
        Assert.Equal("", page.ErrorFor("ProjectStart"));
        Assert.Equal("2032-01-01", page.ValueOf("ProjectStart"));
        Assert.False(await factory.WithDbAsync(db => db.ProgrammeYears.AnyAsync(y => y.Year == 2032)));
    }

    [Fact]
    public async Task EmptyAndMalformedYearAreRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.PostRefusedAsync("/office/years/new", new { Year = "", ProjectStart = "" }, "/office/years/new");
        Assert.Equal("請輸入年度。", page.ErrorFor("Year"));
        Assert.Equal("請輸入日期。", page.ErrorFor("ProjectStart"));
        page = await office.PostRefusedAsync("/office/years/new", new { Year = "民國110" }, "/office/years/new");
        Assert.Equal("年度請輸入四位數的西元年，例如 2021。", page.ErrorFor("Year"));
        Assert.Equal("民國110", page.ValueOf("Year"));
    }

    [Fact]
    public async Task MemberCutoffOutsideTheProjectWindowIsRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.PostRefusedAsync("/office/years/new", YearFields("2033", cutoff: "2034/03/01"), "/office/years/new");
        Assert.Equal("管考截止日 2034/03/01 須落在計畫執行期間 2033/01/01~2034/01/31 內。", page.ErrorFor("MemberCutoff"));
        Assert.Equal("2034/03/01", page.ValueOf("MemberCutoff"));
        Assert.False(await factory.WithDbAsync(db => db.ProgrammeYears.AnyAsync(y => y.Year == 2033)));
    }

    [Fact]
    public async Task WindowEndingBeforeItStartsIsRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var page = await office.PostRefusedAsync("/office/years/new", YearFields("2034", projectEnd: "2033/12/31"), "/office/years/new");
        Assert.Equal("計畫執行期間的結束日 2033/12/31 不可早於開始日 2034/01/01。", page.ErrorFor("ProjectEnd"));
    }

    [Fact]
    public async Task OfficeEditsTheWindowsOfAYear()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/years/new", YearFields("2035"), "/office/years");
        var year = await YearAsync(2035);
        var form = await office.GetPageAsync($"/office/years/{year.Id}/edit");
        Assert.Equal(year.Version.ToString(), form.ValueOf("Version"));
        Assert.Equal("2035/10/31", form.ValueOf("MemberCutoff"));

        await office.PostAcceptedAsync($"/office/years/{year.Id}/edit", YearFields("2035", cutoff: "2035-11-15", version: year.Version), "/office/years");

        var saved = await YearAsync(2035);
        Assert.Equal(new DateOnly(2035, 11, 15), saved.MemberCutoff);
        Assert.NotEqual(year.Version, saved.Version);
    }

    [Fact]
    public async Task EditingAYearIntoAnotherExistingYearIsRefused()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/years/new", YearFields("2036"), "/office/years");
        var year = await YearAsync(2036);
        var page = await office.PostRefusedAsync($"/office/years/{year.Id}/edit", YearFields("2021", version: year.Version), $"/office/years/{year.Id}/edit");
        Assert.Equal("2021 年度已存在，請改為編輯該年度。", page.ErrorFor("Year"));
        Assert.Equal(2036, (await YearAsync(2036)).Year);
    }

    [Fact]
    public async Task StaleVersionIsRefusedAndTheTypedFormIsKept()
    {
        using var office = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        await office.PostAcceptedAsync("/office/years/new", YearFields("2037"), "/office/years");
        var stale = await YearAsync(2037);
        await factory.WithDbAsync(async db =>
        {
            var year = await db.ProgrammeYears.SingleAsync(y => y.Year == 2037);
            year.MemberCutoff = new DateOnly(2037, 9, 30);
            await db.SaveChangesAsync();
        });

        var page = await office.PostRefusedAsync($"/office/years/{stale.Id}/edit", YearFields("2037", cutoff: "2037/11/30", version: stale.Version), $"/office/years/{stale.Id}/edit");

        Assert.Contains("資料已被其他人修改，請重新載入後再編輯。", page.FormErrors());
        Assert.Equal("2037/11/30", page.ValueOf("MemberCutoff"));
        Assert.Equal(new DateOnly(2037, 9, 30), (await YearAsync(2037)).MemberCutoff);
    }
}
