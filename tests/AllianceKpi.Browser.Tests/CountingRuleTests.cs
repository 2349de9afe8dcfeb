using AllianceKpi.Browser.Tests.Support;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Browser.Tests;

/// <summary>
/// One counting rule in Chromium and on the server (docs/workflow-rules.md section 4): for each kind of character, a text of
/// exactly the limit fits both and one more character fails both. (The counter on a real form is in the quarter scenario.)
/// </summary>
public sealed class CountingRuleTests(BrowserHost host) : BrowserTest(host), IClassFixture<BrowserHost>
{
    public static TheoryData<string, string> Units => new()
    {
        { "CJK ideograph", "字" },
        { "CJK extension B", "𠀀" },
        { "emoji", "😀" },
        { "emoji with skin tone", "👍🏽" },
        { "ZWJ family", "👨‍👩‍👧‍👦" },
        { "flag", "🇹🇼" },
        { "combining accent", "e\u0301" },
        { "CRLF", "\r\n" },
        { "LF", "\n" },
        { "lone CR", "\r" },
        { "ASCII", "a" },
    };

    [Theory]
    [MemberData(nameof(Units))]
    public Task TheBrowserAndTheServerCountTheSame(string what, string unit) => ScenarioAsync(async () =>
    {
        var page = await NewPageAsync();
        await page.GoToPageAsync("/");
        foreach (var limit in new[] { TextLimits.Narrative, TextLimits.Item8Narrative })
        {
            var full = string.Concat(Enumerable.Repeat(unit, limit));
            var browserFull = await page.EvaluateAsync<int>("text => window.portalCountCharacters(text)", full);
            var browserOver = await page.EvaluateAsync<int>("text => window.portalCountCharacters(text)", full + unit);

            Assert.True(browserFull == limit, $"{what} × {limit}: the browser counted {browserFull}");
            Assert.True(browserOver == limit + 1, $"{what} × {limit + 1}: the browser counted {browserOver}");
            Assert.True(TextLength.Fits(full, limit), $"{what} × {limit}: the server refused it");
            Assert.False(TextLength.Fits(full + unit, limit), $"{what} × {limit + 1}: the server accepted it");
        }
    });
}
