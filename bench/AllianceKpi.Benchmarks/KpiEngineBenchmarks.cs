using AllianceKpi.Domain.Kpi;
using BenchmarkDotNet.Attributes;

namespace AllianceKpi.Benchmarks;

/// <summary>The rules engine over a synthetic alliance of 10,000 entries; the goal is under 10 ms per evaluation.</summary>
[MemoryDiagnoser]
public class KpiEngineBenchmarks
{
    private KpiInput periodView = null!;
    private KpiInput cumulativeView = null!;

    [GlobalSetup]
    public void Setup()
    {
        var entries = SyntheticAlliance.Build();
        var second = SyntheticAlliance.Periods[2];
        periodView = KpiInput.ForPeriod(SyntheticAlliance.Year, SyntheticAlliance.Periods, second, entries);
        cumulativeView = KpiInput.WholeExecution(SyntheticAlliance.Year, SyntheticAlliance.Periods, entries);
    }

    [Benchmark(Description = "Period view (第二次, members of earlier periods carried over)")]
    public KpiReport PeriodView() => KpiEngine.Evaluate(periodView);

    [Benchmark(Description = "Cumulative view (whole execution, 10,000 entries)")]
    public KpiReport CumulativeView() => KpiEngine.Evaluate(cumulativeView);
}
