using System.Text.Json;
using Microsoft.Playwright;

namespace AllianceKpi.Browser.Tests.Support;

/// <summary>One axe-core rule broken on a page, with the elements that break it.</summary>
public sealed record AxeViolation(string Page, string Rule, string Impact, string Help, IReadOnlyList<string> Nodes)
{
    public override string ToString() =>
        $"[{Impact}] {Page}: {Rule} — {Help}\n" + string.Join("\n", Nodes.Select(node => "    " + node));
}

/// <summary>
/// axe-core (npm, test-only, copied next to the test assembly by the build) injected into the open page and run on it.
/// The page must come from a context that bypasses the portal's CSP, which rightly refuses script the portal did not send.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"axe-core was not found at {path}: run 'npm ci' in tests/AllianceKpi.Browser.Tests and build again.");
        }
        return File.ReadAllText(path);
    });

    private const string RunScript = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map(v => ({
                rule: v.id,
                impact: v.impact ?? 'unknown',
                help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary ?? '').replace(/\s+/g, ' ') + ' :: ' + n.html.slice(0, 160)),
            }));
        }
        """;

    /// <summary>Every violation axe finds on the page as it is now; <paramref name="name"/> says which page in messages.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page, string name)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Source.Value });
        }
        var found = await page.EvaluateAsync<JsonElement>(RunScript);
        return found.EnumerateArray()
            .Select(v => new AxeViolation(
                name,
                v.GetProperty("rule").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList()))
            .ToList();
    }

    /// <summary>The fields (input, select, textarea) with no accessible name from a label, aria-label or aria-labelledby.</summary>
    public static async Task<IReadOnlyList<string>> UnlabelledFieldsAsync(IPage page, string name)
    {
        var found = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('input, select, textarea'))
                .filter(e => !['hidden', 'submit', 'button', 'reset'].includes((e.getAttribute('type') ?? '').toLowerCase()))
                .filter(e => !(e.labels && Array.from(e.labels).some(l => l.textContent.trim() !== ''))
                    && !(e.getAttribute('aria-label') ?? '').trim()
                    && !(e.getAttribute('aria-labelledby') ?? '').split(/\s+/).some(id => id && document.getElementById(id)?.textContent.trim()))
                .map(e => e.outerHTML.slice(0, 160))
            """);
        return found.Select(field => $"{name}: {field}").ToList();
    }
}
