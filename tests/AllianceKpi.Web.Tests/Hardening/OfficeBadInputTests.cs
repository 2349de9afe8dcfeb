using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Hardening.PlainForms;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>The office's forms (年度, 綜整表, 最新消息, Q&amp;A, 網站抽查) fed bad input: a message per field, nothing changed, hostile text kept exactly.</summary>
public sealed class OfficeBadInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>A year the walk creates once, to add a 綜整表 kind it does not have yet.</summary>
    private const int SpareYear = 2050;

    private static Task<string> Fixed(string url) => Task.FromResult(url);

    private static Task<PortalClient> Office(PortalFactory factory) => factory.SignedInAsync(DemoSeeder.OfficeEmail);

    private static Dictionary<string, string> YearFields(int year) => new()
    {
        ["Version"] = Guid.Empty.ToString(),
        ["Year"] = year.ToString(),
        ["ProjectStart"] = $"{year}/01/01",
        ["ProjectEnd"] = $"{year + 1}/01/31",
        ["IncomeStart"] = $"{year}/02/01",
        ["IncomeEnd"] = $"{year + 1}/01/31",
        ["CooperationStart"] = $"{year}/01/01",
        ["CooperationEnd"] = $"{year + 1}/01/31",
        ["MemberCutoff"] = $"{year}/10/31",
    };

    private static async Task<string> SpareYearPeriodsUrlAsync(PortalFactory factory)
    {
        var id = await factory.WithDbAsync(db => db.ProgrammeYears.Where(y => y.Year == SpareYear).Select(y => y.Id).FirstOrDefaultAsync());
        if (id == 0)
        {
            using var office = await Office(factory);
            var response = await office.PostFormAsync("/office/years/new", YearFields(SpareYear), "/office/years/new");
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            id = await factory.WithDbAsync(db => db.ProgrammeYears.Where(y => y.Year == SpareYear).Select(y => y.Id).SingleAsync());
        }
        return $"/office/years/{id}/periods/new";
    }

    private static async Task<string> WebsiteRecordUrlAsync(PortalFactory factory) =>
        $"/office/website-checks/{(await Personas.EnsureAsync(factory)).DemoProjectId}/record";

    public static readonly PlainForm[] Forms =
    [
        new("programme year", Office, _ => Fixed("/office/years/new"),
            (_, _) => Task.FromResult(YearFields(2060)),
            async db => (await db.ProgrammeYears.CountAsync()).ToString(),
            _ => Fixed("/office/years")),
        new("reporting period", Office, SpareYearPeriodsUrlAsync,
            (_, _) => Task.FromResult(new Dictionary<string, string>
            {
                ["Kind"] = "FinalReport", ["Name"] = "", ["OpensOn"] = $"{SpareYear + 1}/02/01", ["Deadline"] = $"{SpareYear + 1}/04/30", ["State"] = "Planned",
            }),
            async db => (await db.ReportingPeriods.CountAsync()).ToString(),
            _ => Fixed("/office/years")),
        new("news", Office, _ => Fixed("/office/news/new"),
            (_, _) => Task.FromResult(new Dictionary<string, string> { ["Title"] = "壞輸入消息", ["Body"] = "內容", ["PublishedOn"] = "2021/09/01", ["IsPinned"] = "false" }),
            async db => (await db.News.CountAsync()).ToString(),
            _ => Fixed("/office/news")),
        new("Q&A", Office, _ => Fixed("/office/qa/new"),
            (_, _) => Task.FromResult(new Dictionary<string, string> { ["Question"] = "壞輸入問題？", ["Answer"] = "回答", ["SortOrder"] = "50" }),
            async db => (await db.QaEntries.CountAsync()).ToString(),
            _ => Fixed("/qa")),
        new("website check", Office, WebsiteRecordUrlAsync,
            async (client, url) =>
            {
                var page = await client.GetPageAsync(url + "?month=2021-06");
                return new Dictionary<string, string>
                {
                    ["Version"] = page.QuerySelector("input[name=Version]")?.GetAttribute("value") ?? Guid.Empty.ToString(),
                    ["Month"] = "2021-06", ["Opens"] = "true", ["UpdatedRecently"] = "false", ["ShowsGrantNotice"] = "true",
                    ["LastUpdatedOn"] = "", ["CheckedOn"] = "2021/06/15", ["Note"] = "", ["ProbeSummary"] = "",
                };
            },
            async db => string.Join("|", (await db.WebsiteChecks.Select(c => new { c.Id, c.Note }).ToListAsync()).Select(c => $"{c.Id}:{c.Note}")),
            async f => await WebsiteRecordUrlAsync(f) + "?month=2021-06"),
    ];

    public static readonly IReadOnlyList<BadInput> Cases =
    [
        Refused("programme year", "Year: empty", "Year", ("Year", "")),
        Refused("programme year", "Year: not a number", "Year", ("Year", "民國110")),
        Refused("programme year", "Year: five digits", "Year", ("Year", "20600")),
        Refused("programme year", "Year: SQL-looking text", "Year", ("Year", "2060; DROP TABLE \"ProgrammeYears\"")),
        Refused("programme year", "Year: already there", "Year", ("Year", "2021"), ("ProjectStart", "2021/01/01"), ("ProjectEnd", "2022/01/31"),
            ("IncomeStart", "2021/02/01"), ("IncomeEnd", "2022/01/31"), ("CooperationStart", "2021/01/01"), ("CooperationEnd", "2022/01/31"), ("MemberCutoff", "2021/10/31")),
        .. DateCases("programme year", "ProjectStart"),
        .. DateCases("programme year", "ProjectEnd"),
        .. DateCases("programme year", "IncomeStart"),
        .. DateCases("programme year", "MemberCutoff"),
        Refused("programme year", "ProjectStart after ProjectEnd", "ProjectEnd", ("ProjectEnd", "2059/12/31")),
        Refused("programme year", "IncomeStart after IncomeEnd", "IncomeEnd", ("IncomeStart", "2061/02/01"), ("IncomeEnd", "2061/01/31")),
        Refused("programme year", "MemberCutoff outside the project", "MemberCutoff", ("MemberCutoff", "2062/03/01")),

        Refused("reporting period", "Kind: empty", "Kind", ("Kind", "")),
        Refused("reporting period", "Kind: forged", "Kind", ("Kind", "<script>alert(1)</script>")),
        Refused("reporting period", "State: forged", "State", ("State", "Deleted'--")),
        .. TextCases("reporting period", "Name", 100, false, false),
        .. DateCases("reporting period", "OpensOn"),
        .. DateCases("reporting period", "Deadline"),
        Refused("reporting period", "OpensOn after Deadline", "Deadline", ("OpensOn", $"{SpareYear + 1}/05/01")),

        .. TextCases("news", "Title", 200, true, true, allHostile: true),
        .. TextCases("news", "Body", 4000, true, false),
        .. DateCases("news", "PublishedOn"),
        Refused("news", "IsPinned: not a boolean", "IsPinned", ("IsPinned", "maybe")),

        .. TextCases("Q&A", "Question", 500, true, true, allHostile: true),
        .. TextCases("Q&A", "Answer", 4000, true, true),
        Refused("Q&A", "SortOrder: not a number", "SortOrder", ("SortOrder", "第一")),
        Refused("Q&A", "SortOrder: decimal", "SortOrder", ("SortOrder", "1.5")),
        Refused("Q&A", "SortOrder: beyond int", "SortOrder", ("SortOrder", "99999999999")),

        .. TextCases("website check", "Note", 500, false, true, allHostile: true),
        Refused("website check", "Month: empty", "Month", ("Month", "")),
        Refused("website check", "Month: impossible", "Month", ("Month", "2021-13")),
        Refused("website check", "Month: words", "Month", ("Month", "六月")),
        .. DateCases("website check", "CheckedOn"),
        Refused("website check", "LastUpdatedOn: impossible", "LastUpdatedOn", ("LastUpdatedOn", "2021/02/30")),
        Refused("website check", "Opens: not a boolean", "Opens", ("Opens", "yes please")),
    ];

    public static IEnumerable<object[]> Rows() => BadInputs.Rows(Cases);

    [Theory]
    [MemberData(nameof(Rows))]
    public Task TheOfficeFormHandlesTheBadInput(string form, string name) =>
        RunAsync(factory, Forms.Single(f => f.Name == form), BadInputs.Find(Cases, form, name));
}
