using System.Diagnostics;
using System.Globalization;

namespace AllianceKpi.Bench.Reports;

// Shared with tests/AllianceKpi.Web.Tests (linked there: ScaleOut/LoadSmokeTests, the short form of the load run).

/// <summary>What one stretch of load gave: every sample, the errors per request kind, the distinct error messages, the time taken.</summary>
public sealed class LoadResult(List<Sample> samples, Dictionary<string, int> errors, List<string> messages, double seconds)
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public IReadOnlyList<Sample> Samples => samples;
    public IReadOnlyDictionary<string, int> ErrorsByKind => errors;
    public IReadOnlyList<string> Messages => messages;
    public double Seconds => seconds;
    public int Errors => errors.Values.Sum();
    public double PerSecond => samples.Count / seconds;
    public IReadOnlyList<string> Kinds => [.. samples.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal)];
    public int CountOf(string kind) => samples.Count(s => s.Kind == kind);

    /// <summary>
    /// Markdown rows (| level | what | requests | req/s | p50 | p95 | p99 | max | errors | mean body |): all requests, then one per kind when
    /// there are several, then up to five error messages.
    /// </summary>
    public IEnumerable<string> Rows(string level, string what)
    {
        yield return Row(level, what + " (all requests)", samples, Errors);
        if (Kinds.Count > 1)
        {
            foreach (var kind in Kinds)
            {
                yield return Row(level, "  " + kind, [.. samples.Where(s => s.Kind == kind)], errors.GetValueOrDefault(kind));
            }
        }
        foreach (var message in messages.Take(5))
        {
            yield return "    error: " + message;
        }
    }

    public const string Header = "| {0} | what | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | mean body kB |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    private string Row(string level, string what, List<Sample> of, int errorCount)
    {
        var sorted = of.Select(s => s.Ms).Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return string.Format(Culture, "| {0} | {1} | {2} | {3:0} | {4:0.0} | {5:0.0} | {6:0.0} | {7:0} | {8} | {9:0.0} |",
            level, what, sorted.Length, sorted.Length / seconds, At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? 0 : sorted[^1], errorCount,
            of.Count == 0 ? 0 : of.Average(s => s.Bytes) / 1024.0);
    }
}

/// <summary>Closed-loop load: clients step one after another without pause, for a fixed time.</summary>
public static class LoadMeasure
{
    /// <summary>
    /// Runs <paramref name="step"/> in a loop for <paramref name="duration"/> with <paramref name="workers"/> concurrent loops; worker
    /// w takes clients w, w + workers, w + 2×workers… in turn (one loop per client when <paramref name="workers"/> is the count). With
    /// <paramref name="turnsEach"/>, a worker stops once each of its clients has had that many turns, however long that takes.
    /// </summary>
    public static async Task<LoadResult> RunAsync(IReadOnlyList<LoadClient> clients, TimeSpan duration, Func<LoadClient, Task> step, int? workers = null,
        int? turnsEach = null)
    {
        var loops = Math.Min(workers ?? clients.Count, clients.Count);
        foreach (var client in clients)
        {
            client.Reset();
        }
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async w =>
        {
            var mine = clients.Where((_, i) => i % loops == w).ToList();
            for (var turn = 0; turnsEach is { } each ? turn < each * mine.Count : watch.Elapsed < duration; turn++)
            {
                await step(mine[turn % mine.Count]);
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var errors = new Dictionary<string, int>();
        foreach (var (kind, count) in clients.SelectMany(c => c.ErrorCounts))
        {
            errors[kind] = errors.GetValueOrDefault(kind) + count;
        }
        return new LoadResult([.. clients.SelectMany(c => c.Samples)], errors, [.. clients.SelectMany(c => c.Messages).Distinct()], seconds);
    }
}
