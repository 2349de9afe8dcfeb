using System.Net;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Evaluation;
using AllianceKpi.Web.Tests.Features.ExpectedResults;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Hardening.BadInputs;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>Cases of the two report forms: bad counts and amounts refused next to the field, hostile texts kept exactly.</summary>
public static class ReportFormCases
{
    public static IEnumerable<BadInput> Of(string form, string[] counts, string[] thousands, string[] wholeAmounts, string[] texts)
    {
        foreach (var field in counts)
        {
            foreach (var bad in BadCounts)
            {
                yield return new(form, $"{field}: {bad}", new Dictionary<string, string> { [field] = bad }, Expect.Refused, field);
            }
        }
        foreach (var field in thousands)
        {
            foreach (var bad in BadAmounts.Take(4))
            {
                yield return new(form, $"{field}: {bad}", new Dictionary<string, string> { [field] = bad }, Expect.Refused, field);
            }
        }
        foreach (var field in wholeAmounts)
        {
            foreach (var bad in new[] { "1.5", "-1", "十元" })
            {
                yield return new(form, $"{field}: {bad}", new Dictionary<string, string> { [field] = bad }, Expect.Refused, field);
            }
        }
        foreach (var field in texts)
        {
            var hostile = field == texts[0] ? Hostile : Hostile.Where(h => h.Label is "script tag" or "rare CJK");
            foreach (var (label, text) in hostile)
            {
                var name = $"{field}: {label}";
                yield return new(form, name, new Dictionary<string, string> { [field] = Tagged(text, form, name) }, Expect.RoundTrip, field);
            }
        }
    }

    public static async Task CheckAsync(PortalClient client, BadInput input, HttpResponseMessage response, string pageUrl, string before, string after)
    {
        var what = $"{input.Form} / {input.Name}";
        NoServerError(response, what);
        if (input.Expect == Expect.Refused)
        {
            await RefusedWithMessageAsync(response, input.Field, what);
            Assert.Equal(before, after);
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected a save, got {(int)response.StatusCode}");
        Assert.NotEqual(before, after);
        ShownEscaped(await client.Http.GetStringAsync(pageUrl), input.Changes[input.Field], what);
    }
}

/// <summary>預期成果 fed bad input through 資料暫存.</summary>
public sealed class ExpectedResultsBadInputTests(ExpectedResultsClockFactory factory) : IClassFixture<ExpectedResultsClockFactory>
{
    public const string Form = "預期成果";

    public static readonly IReadOnlyList<BadInput> Cases = ReportFormCases.Of(Form,
        [ExpectedResultsTestData.Target("item1.companyMembers"), ExpectedResultsTestData.Target("item2.promotionEvents")],
        [ExpectedResultsTestData.Target("item3.membershipFeeIncome"), ExpectedResultsTestData.Target("item3.otherIncome")],
        [ExpectedResultsTestData.Target("item8.derivedOutputValue")],
        [ExpectedResultsTestData.Note(1), ExpectedResultsTestData.Note(2)]).ToList();

    public static IEnumerable<object[]> Rows() => BadInputs.Rows(Cases);

    private async Task<ExpectedProject> ProjectAsync()
    {
        var existing = await factory.WithDbAsync(db => db.Projects.Where(p => p.Number.StartsWith("2021EXP_")).Select(p => p.Id).FirstOrDefaultAsync());
        if (existing == 0)
        {
            return await ExpectedResultsTestData.ProjectAsync(factory);
        }
        return new ExpectedProject(existing, await factory.WithDbAsync(db => ExpectedResultsTestData.PeriodIdAsync(db, ReportingPeriodKind.ExpectedResults)));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task TheFormHandlesTheBadInput(string form, string name)
    {
        var input = Find(Cases, form, name);
        var project = await ProjectAsync();
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        Task<string> Snapshot() => factory.WithDbAsync(async db => string.Join("|",
            await db.ExpectedResults.Where(e => e.ProjectId == project.ProjectId).Select(e => e.Version).ToListAsync()));
        var before = await Snapshot();

        var response = await ExpectedResultsTestData.PressAsync(client, project, "save", input.Changes);

        await ReportFormCases.CheckAsync(client, input, response, project.Url, before, await Snapshot());
    }
}

/// <summary>管考資料 fed bad input through 資料暫存.</summary>
public sealed class EvaluationBadInputTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    public const string Form = "管考資料";

    public static readonly IReadOnlyList<BadInput> Cases = ReportFormCases.Of(Form,
        ["Form.Masters", "Form.Undergraduates", "Form.NewHires"],
        [],
        ["Form.DerivedOutputValue"],
        [EvaluationTestData.Narrative(1), EvaluationTestData.DifferenceAnalysis(2)]).ToList();

    public static IEnumerable<object[]> Rows() => BadInputs.Rows(Cases);

    private async Task<int> ProjectAsync()
    {
        var existing = await factory.WithDbAsync(db => db.Projects.Where(p => p.Number.StartsWith("EV")).Select(p => p.Id).FirstOrDefaultAsync());
        return existing != 0 ? existing : await EvaluationTestData.ProjectAsync(factory);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task TheFormHandlesTheBadInput(string form, string name)
    {
        var input = Find(Cases, form, name);
        var projectId = await ProjectAsync();
        var url = EvaluationTestData.Url(projectId, await MemberTestData.PeriodAsync(factory));
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        Task<string> Snapshot() => factory.WithDbAsync(async db => string.Join("|",
            await db.EvaluationForms.Where(e => e.ProjectId == projectId).Select(e => e.Version).ToListAsync()));
        var before = await Snapshot();

        var response = await EvaluationTestData.PostAsync(client, url, EvaluationTestData.Complete().Concat(input.Changes)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));

        await ReportFormCases.CheckAsync(client, input, response, url, before, await Snapshot());
    }
}
