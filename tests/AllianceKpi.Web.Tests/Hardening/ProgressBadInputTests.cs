using System.Net;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Hardening.BadInputs;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>A text field of an entry form: its longest length and whether it must be filled.</summary>
public sealed record TextField(string Name, int Max, bool Required, bool HostileTexts);

/// <summary>One of the eight 工作進度 entry kinds as the bad-input walk sees it.</summary>
public sealed record EntryKindSpec(
    string Slug,
    Type Entity,
    Func<Dictionary<string, string>> Valid,
    TextField[] Texts,
    string[] Amounts,
    string[] Counts,
    string[] Dates,
    (string Start, string End)? Span,
    IReadOnlyDictionary<string, string>? OutOfWindow,
    IReadOnlyDictionary<string, string>? AmountSetup = null,
    string[]? RequiredChoices = null);

/// <summary>
/// The eight 工作進度 entry forms fed every kind of bad input: over-long and empty text, bad amounts and counts, impossible dates,
/// a start after the end, hostile texts that must round-trip exactly and show escaped, dates outside the window.
/// </summary>
public sealed class ProgressBadInputTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    public static readonly EntryKindSpec[] Kinds =
    [
        new("members", typeof(AllianceMember), () => MemberTestData.Company("壞輸入測試公司"),
            [new("CompanyName", ProgressFieldLengths.Name, true, true), new("Representative", ProgressFieldLengths.Representative, true, true),
             new("Street", ProgressFieldLengths.Street, false, true), new("Phone", ProgressFieldLengths.Phone, true, false)],
            ["FeeAmount"], [], ["ContractStart", "ContractEnd"], ("ContractStart", "ContractEnd"),
            new Dictionary<string, string> { ["ContractEnd"] = "2021/09/30" },
            new Dictionary<string, string> { ["Basis"] = "Application", ["FeeMethod"] = "MembershipFee" },
            ["Type", "Basis", "IndustryCode", "IsPaying", "City"]),
        new("income", typeof(OperatingIncome), () => IncomePageTests.Income("壞輸入付款人"),
            [new("CounterpartyName", ProgressFieldLengths.Name, false, true)],
            ["MembershipFee", "TechnicalServiceFee", "OtherIncome"], [], ["AccountingDate"], null,
            new Dictionary<string, string> { ["AccountingDate"] = "2022/03/01" }, RequiredChoices: ["OtherIncomeNature"]),
        new("cooperation", typeof(CooperationProject), () => CooperationPageTests.Cooperation("壞輸入合作案", partner: "合作廠商"),
            [new("Name", ProgressFieldLengths.Name, true, true), new("CounterpartyName", ProgressFieldLengths.Name, false, true),
             new("Source", ProgressFieldLengths.Source, true, false)],
            ["Budget"], [], ["StartDate", "EndDate"], ("StartDate", "EndDate"),
            new Dictionary<string, string> { ["StartDate"] = "2022/03/01", ["EndDate"] = "2022/12/31" }, RequiredChoices: ["BudgetBasis"]),
        new("tech-transfers", typeof(TechTransfer), () => TechTransferPageTests.Transfer("壞輸入技轉", licensee: "授權公司"),
            [new("Name", ProgressFieldLengths.Name, true, true), new("CounterpartyName", ProgressFieldLengths.Name, false, true)],
            ["Amount"], [], ["SignedOn"], null, new Dictionary<string, string> { ["SignedOn"] = "2022/02/01" }),
        new("technical-services", typeof(TechnicalService), () => TechnicalServicePageTests.Service("壞輸入服務"),
            [new("Description", ProgressFieldLengths.Description, true, true), new("CounterpartyName", ProgressFieldLengths.Name, false, true)],
            ["Amount"], [], ["Date"], null, new Dictionary<string, string> { ["Date"] = "2022/03/01" }),
        new("promotion", typeof(PromotionActivity), () => PromotionPageTests.Activity("壞輸入活動"),
            [new("Name", ProgressFieldLengths.Name, true, true), new("Place", ProgressFieldLengths.Name, true, true)],
            [], ["Participants"], ["Date"], null, new Dictionary<string, string> { ["Date"] = "2020/12/20" }),
        new("member-services", typeof(MemberService), () => MemberServicePageTests.Service("壞輸入研討會"),
            [new("Title", ProgressFieldLengths.Name, true, true)],
            [], ["CompanyAttendees", "CompaniesServed"], ["Date"], null, null, RequiredChoices: ["Kind"]),
        new("derived-results", typeof(DerivedResult), () => DerivedResultPageTests.Result("壞輸入成果", company: "某公司"),
            [new("Title", ProgressFieldLengths.Name, true, true), new("CounterpartyName", ProgressFieldLengths.Name, false, true),
             new("PatentNumber", ProgressFieldLengths.PatentNumber, false, false)],
            [], [], ["Date"], null, null, RequiredChoices: ["Kind"]),
    ];

    public static readonly IReadOnlyList<BadInput> Cases = Kinds.SelectMany(CasesOf).ToList();

    private static IEnumerable<BadInput> CasesOf(EntryKindSpec kind)
    {
        var form = kind.Slug;
        BadInput Case(string name, Expect expect, string field, params (string Key, string Value)[] changes) =>
            new(form, name, changes.ToDictionary(c => c.Key, c => c.Value), expect, field);

        foreach (var text in kind.Texts)
        {
            yield return Case($"{text.Name}: over-long", Expect.Refused, text.Name, (text.Name, TooLong(text.Max)));
            if (text.Required)
            {
                yield return Case($"{text.Name}: empty", Expect.Refused, text.Name, (text.Name, ""));
                yield return Case($"{text.Name}: blanks only", Expect.Refused, text.Name, (text.Name, "   "));
            }
            if (text.HostileTexts)
            {
                // The first text field gets every hostile text; the others the two that break markup and encodings most.
                var hostile = text == kind.Texts[0] ? Hostile : Hostile.Where(h => h.Label is "script tag" or "rare CJK");
                foreach (var (label, value) in hostile)
                {
                    var name = $"{text.Name}: {label}";
                    yield return Case(name, Expect.RoundTrip, text.Name, (text.Name, Tagged(value, form, name)));
                }
            }
        }
        foreach (var amount in kind.Amounts)
        {
            foreach (var bad in BadAmounts)
            {
                var changes = (kind.AmountSetup ?? new Dictionary<string, string>()).Select(p => (p.Key, p.Value)).Append((amount, bad)).ToArray();
                yield return Case($"{amount}: {bad}", Expect.Refused, amount, changes);
            }
        }
        foreach (var count in kind.Counts)
        {
            foreach (var bad in BadCounts)
            {
                yield return Case($"{count}: {bad}", Expect.Refused, count, (count, bad));
            }
        }
        foreach (var date in kind.Dates)
        {
            foreach (var bad in ImpossibleDates)
            {
                yield return Case($"{date}: {bad}", Expect.Refused, date, (date, bad));
            }
            yield return Case($"{date}: empty", Expect.Refused, date, (date, ""));
            // A far start date is a start after the end: its message stands next to the end date.
            var farField = kind.Span is var (spanStart, spanEnd) && spanStart == date ? spanEnd : date;
            yield return Case($"{date}: 9999/12/31", Expect.Handled, farField, (date, "9999/12/31"));
        }
        foreach (var choice in kind.RequiredChoices ?? [])
        {
            yield return Case($"{choice}: empty", Expect.Refused, choice, (choice, ""));
            yield return Case($"{choice}: forged option", Expect.Refused, choice, (choice, "NoSuchOption'--"));
        }
        if (kind.Span is var (start, end))
        {
            yield return Case($"{start} after {end}", Expect.Refused, end, (start, "2021/12/01"), (end, "2021/11/30"));
        }
        if (kind.OutOfWindow is { } window)
        {
            yield return Case("date outside the window", Expect.NotCounted, window.Keys.First(), window.Select(p => (p.Key, p.Value)).ToArray());
        }
        if (kind.Valid().ContainsKey("Form.MemberId"))
        {
            yield return Case("member of another project", Expect.Refused, "MemberId", ("MemberId", OtherMember));
            yield return Case("member id not a number", Expect.Refused, "MemberId", ("MemberId", "1 OR 1=1"));
        }
    }

    /// <summary>Stands for the id of a member of the other project, known only once the portal runs.</summary>
    private const string OtherMember = "{other-project-member}";

    public static IEnumerable<object[]> Rows() => BadInputs.Rows(Cases);

    private static int Count(AppDbContext db, Type entity) => entity.Name switch
    {
        nameof(AllianceMember) => db.AllianceMembers.Count(),
        nameof(OperatingIncome) => db.OperatingIncomes.Count(),
        nameof(CooperationProject) => db.CooperationProjects.Count(),
        nameof(TechTransfer) => db.TechTransfers.Count(),
        nameof(TechnicalService) => db.TechnicalServices.Count(),
        nameof(PromotionActivity) => db.PromotionActivities.Count(),
        nameof(MemberService) => db.MemberServices.Count(),
        nameof(DerivedResult) => db.DerivedResults.Count(),
        _ => throw new ArgumentOutOfRangeException(nameof(entity)),
    };

    /// <summary>The ids of rows of the kind whose text property holds exactly the value.</summary>
    internal static List<int> IdsWith(AppDbContext db, Type entity, string property, string value)
    {
        IQueryable<ProgressEntry> rows = entity.Name switch
        {
            nameof(AllianceMember) => db.AllianceMembers,
            nameof(OperatingIncome) => db.OperatingIncomes,
            nameof(CooperationProject) => db.CooperationProjects,
            nameof(TechTransfer) => db.TechTransfers,
            nameof(TechnicalService) => db.TechnicalServices,
            nameof(PromotionActivity) => db.PromotionActivities,
            nameof(MemberService) => db.MemberServices,
            nameof(DerivedResult) => db.DerivedResults,
            _ => throw new ArgumentOutOfRangeException(nameof(entity)),
        };
        // Compared in memory: the exact code points, whatever the database's collation does with them.
        return rows.AsNoTracking().AsEnumerable()
            .Where(r => entity.GetProperty(property)!.GetValue(r) as string == value).Select(r => r.Id).ToList();
    }

    private async Task<int> OtherProjectsMemberAsync(Personas people)
    {
        var periodId = await MemberTestData.PeriodAsync(factory);
        return await factory.WithDbAsync(async db =>
        {
            var existing = await db.AllianceMembers.Where(m => m.ProjectId == people.OtherProjectId).Select(m => m.Id).FirstOrDefaultAsync();
            if (existing != 0)
            {
                return existing;
            }
            var member = MemberTestData.Member(people.OtherProjectId, periodId, "他案會員公司");
            db.AllianceMembers.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task TheEntryFormHandlesTheBadInput(string form, string name)
    {
        var input = Find(Cases, form, name);
        var kind = Kinds.Single(k => k.Slug == form);
        var people = await Personas.EnsureAsync(factory);
        var listUrl = await EntryPages.ListUrlAsync(factory, people, kind.Slug);
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var before = await factory.WithDbAsync(db => Task.FromResult(Count(db, kind.Entity)));
        var fields = Apply(kind.Valid(), input.Changes, "Form.");
        if (fields.TryGetValue("Form.MemberId", out var memberId) && memberId == OtherMember)
        {
            fields["Form.MemberId"] = (await OtherProjectsMemberAsync(people)).ToString();
        }
        var what = $"{form} / {name}";

        var response = await MemberTestData.PostAsync(client, listUrl + "/new", fields, listUrl);

        NoServerError(response, what);
        var after = await factory.WithDbAsync(db => Task.FromResult(Count(db, kind.Entity)));
        switch (input.Expect)
        {
            case Expect.Refused:
                await RefusedWithMessageAsync(response, "Form." + input.Field, what);
                Assert.Equal(before, after);
                break;
            case Expect.RoundTrip:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected a save, got {(int)response.StatusCode}");
                var value = input.Changes[input.Field];
                var ids = await factory.WithDbAsync(db => Task.FromResult(IdsWith(db, kind.Entity, input.Field, value)));
                Assert.Single(ids);
                var list = await client.Http.GetStringAsync(response.Headers.Location!.OriginalString);
                Assert.DoesNotContain("<script>alert", list, StringComparison.Ordinal);
                var edit = await client.Http.GetStringAsync($"{listUrl}/{ids[0]}/edit");
                ShownEscaped(edit, value, what);
                Assert.Equal(before + 1, after);
                break;
            case Expect.NotCounted:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected a save, got {(int)response.StatusCode}");
                var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
                Assert.StartsWith("已儲存：不列計", EntryPages.Flash(page));
                Assert.Equal(before + 1, after);
                break;
            case Expect.Handled:
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    await RefusedWithMessageAsync(response, "Form." + input.Field, what);
                    Assert.Equal(before, after);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    Assert.Equal(before + 1, after);
                }
                break;
        }
    }
}
