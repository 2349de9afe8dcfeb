using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Web.Features.Progress;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>The list pages' per-row labels and links, computed once per context, follow the context they are asked of.</summary>
public sealed class ProgressContextLabelTests
{
    private static readonly ReportingPeriod First = new() { Id = 11, Name = "2021年產學小聯盟第一次(3)成果綜整表" };
    private static readonly ReportingPeriod Second = new() { Id = 12, Name = "2021年產學小聯盟第二次(4)成果綜整表" };

    private static ProgressContext Context(ProgrammeYear year, ReportingPeriod period, int projectId = 7) =>
        new(new Project { Id = projectId }, year, period, new KpiEntries(), null!, null);

    [Fact]
    public void LabelsEveryPeriodOfTheYearAndNoOther()
    {
        var context = Context(new ProgrammeYear { Periods = [First, Second] }, Second);

        Assert.Equal("2021第一次(3)", context.PeriodLabel(11));
        Assert.Equal("2021第二次(4)", context.PeriodLabel(12));
        Assert.Equal("2021第一次(3)", context.PeriodLabel(11));
        Assert.Equal("", context.PeriodLabel(99));
    }

    [Fact]
    public void ACopyWithAnotherYearPeriodOrProjectHasItsOwnLabelsAndLink()
    {
        var context = Context(new ProgrammeYear { Periods = [First] }, First);
        Assert.Equal("/projects/7/progress/11", context.BaseUrl);
        Assert.Equal("", context.PeriodLabel(12));

        var copy = context with { Year = new ProgrammeYear { Periods = [First, Second] }, Period = Second, Project = new Project { Id = 8 } };

        Assert.Equal("/projects/8/progress/12", copy.BaseUrl);
        Assert.Equal("2021第二次(4)", copy.PeriodLabel(12));
        Assert.Equal("/projects/7/progress/11", context.BaseUrl);
    }
}
