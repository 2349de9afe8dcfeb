using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Web.Features.Office;

/// <summary>The periods a new programme year starts with, and the defaults offered when the office adds one by hand.</summary>
public static class StandardPeriods
{
    /// <summary>Created with every new year; 期末報告 is added by hand for the projects that end.</summary>
    public static readonly ReportingPeriodKind[] CreatedWithYear =
        [ReportingPeriodKind.ExpectedResults, ReportingPeriodKind.FirstReport, ReportingPeriodKind.SecondReport];

    /// <summary>
    /// The seed's name and deadline; it opens when its work can start: targets with the project, the first report with the
    /// income window (work of Feb–Oct), the second the day after the member cutoff, the final report after the project ends.
    /// Planned, so nobody reports before the office opens it.
    /// </summary>
    public static ReportingPeriod For(ProgrammeYear year, ReportingPeriodKind kind)
    {
        var deadline = ReportingPeriod.StandardDeadline(year.Year, kind);
        var opensOn = kind switch
        {
            ReportingPeriodKind.ExpectedResults => year.ProjectStart,
            ReportingPeriodKind.FirstReport => year.IncomeStart,
            ReportingPeriodKind.SecondReport => year.MemberCutoff.AddDays(1),
            _ => year.ProjectEnd.AddDays(1),
        };
        return new ReportingPeriod
        {
            Kind = kind,
            Name = ReportingPeriod.StandardName(year.Year, kind),
            OpensOn = opensOn <= deadline ? opensOn : deadline,
            Deadline = deadline,
            State = ReportingPeriodState.Planned,
        };
    }
}
