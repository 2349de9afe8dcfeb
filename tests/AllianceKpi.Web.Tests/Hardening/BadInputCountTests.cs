using Xunit.Abstractions;

namespace AllianceKpi.Web.Tests.Hardening;

/// <summary>How many bad inputs the walk sends to each form: printed as the table of docs/bad-input.md, and at least 200 in all.</summary>
public sealed class BadInputCountTests(ITestOutputHelper output)
{
    public static IReadOnlyList<BadInput> All =>
    [
        .. ProgressBadInputTests.Cases, .. AccountBadInputTests.Cases, .. OfficeBadInputTests.Cases, .. RequestBadInputTests.Cases,
        .. ExpectedResultsBadInputTests.Cases, .. EvaluationBadInputTests.Cases, .. AssistantsBadInputTests.Cases,
    ];

    [Fact]
    public void EveryFormGetsItsShareAndTheWalkSendsAtLeast200BadInputs()
    {
        var perForm = All.GroupBy(c => c.Form).Select(g => (Form: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        output.WriteLine("| Form | Bad inputs |");
        output.WriteLine("|---|---:|");
        foreach (var (form, count) in perForm)
        {
            output.WriteLine($"| {form} | {count} |");
        }
        output.WriteLine($"| **total** | **{All.Count}** |");

        Assert.True(All.Count >= 200, $"only {All.Count} bad inputs");
        Assert.All(perForm, f => Assert.True(f.Count >= 2, $"{f.Form} gets only {f.Count} bad input"));
        Assert.Equal(All.Count, All.Select(c => (c.Form, c.Name)).Distinct().Count());
    }
}
