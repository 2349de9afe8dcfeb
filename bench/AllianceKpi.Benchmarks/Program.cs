using System.Diagnostics;
using AllianceKpi.Benchmarks;
using AllianceKpi.Domain.Kpi;
using BenchmarkDotNet.Running;

if (args.Contains("--quick"))
{
    QuickCheck();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KpiEngineBenchmarks).Assembly).Run(args);

// A rough check in a few seconds, without BenchmarkDotNet: warm up for a second (so that tiered compilation has
// settled), then the mean of 500 evaluations and the bytes one evaluation allocates.
static void QuickCheck()
{
    var entries = SyntheticAlliance.Build();
    var input = KpiInput.WholeExecution(SyntheticAlliance.Year, SyntheticAlliance.Periods, entries);
    var report = KpiEngine.Evaluate(input);
    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
    {
        KpiEngine.Evaluate(input);
    }
    var before = GC.GetAllocatedBytesForCurrentThread();
    KpiEngine.Evaluate(input);
    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    const int runs = 500;
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < runs; i++)
    {
        KpiEngine.Evaluate(input);
    }
    watch.Stop();
    Console.WriteLine($"{entries.Count} entries, {report.Verdicts.Count(v => v.Counted)} counted, {report.Figures.Members.CompanyMembers} company members");
    Console.WriteLine($"mean {watch.Elapsed.TotalMilliseconds / runs:0.000} ms per evaluation, {allocated / 1024.0:0} KB allocated");
}
