using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Periods;
using AllianceKpi.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeReview;

/// <summary>A headline KPI of a project: the engine's figure through the period against the year's target.</summary>
public sealed record HeadlineFigure(string Label, decimal Actual, decimal? Target)
{
    public string Rate => Achievement.Show(Actual, Target);
}

public sealed record ReviewRow(int ProjectId, string Number, string Name, string PiName, FormState? State, DateTime? SubmittedAt,
    DateOnly? ExtendedUntil, bool Overdue, IReadOnlyList<HeadlineFigure> Figures);

/// <summary>The filters of the review list: by state (none = 未填寫, overdue = past its window and not handed in) and by deadline.</summary>
public sealed class ReviewQuery
{
    public int? PeriodId { get; set; }
    public string? State { get; set; }

    /// <summary>By deadline: overdue (window passed, not handed in), extended (a 展延期限 runs), pending (not handed in, still in time).</summary>
    public string? Due { get; set; }
}

public sealed record ReviewListPage(PeriodProjectsPage Periods, FormKind? Kind, ReviewQuery Query, IReadOnlyList<ReviewRow> Rows,
    int DaysToDeadline);

/// <summary>
/// 審查送出資料: per period every project of the year with its form's state, last submission time and extension, whether it is
/// overdue, and for 管考資料 the engine's headline figures through the period against the year's targets.
/// </summary>
public sealed class ReviewListHandler(AppDbContext db, PeriodProjectsHandler periods, TimeProvider clock)
{
    private static readonly ReportingPeriodKind[] Kinds =
        [ReportingPeriodKind.ExpectedResults, ReportingPeriodKind.FirstReport, ReportingPeriodKind.SecondReport, ReportingPeriodKind.FinalReport];

    private static readonly (KpiMeasure Measure, string Label)[] Headlines =
        [(KpiMeasure.CompanyMembers, "廠商會員(家)"), (KpiMeasure.TotalIncome, "營運收入(仟元)"), (KpiMeasure.CooperationAmount, "產學合作(仟元)")];

    public async Task<ReviewListPage> PageAsync(ClaimsPrincipal user, ReviewQuery query, CancellationToken cancellationToken)
    {
        var page = await periods.PageAsync(user, query.PeriodId, Kinds, cancellationToken);
        if (page.Chosen is not { } chosen)
        {
            return new ReviewListPage(page, null, query, [], 0);
        }
        var period = await db.ReportingPeriods.AsNoTracking().SingleAsync(p => p.Id == chosen.Id, cancellationToken);
        var kind = period.Kind == ReportingPeriodKind.ExpectedResults ? FormKind.ExpectedResults : FormKind.Evaluation;
        var today = clock.TaiwanToday();
        var forms = await FormsAsync(kind, period, chosen.Year, cancellationToken);
        var submitted = await db.FormSubmissions.AsNoTracking().Where(s => s.Kind == kind && s.ReportingPeriodId == period.Id)
            .GroupBy(s => s.ProjectId).Select(g => new { ProjectId = g.Key, At = g.Max(s => s.SubmittedAt) })
            .ToDictionaryAsync(s => s.ProjectId, s => s.At, cancellationToken);
        var figures = kind == FormKind.Evaluation
            ? await HeadlinesAsync(period, chosen.Year, page.Projects.Select(p => p.ProjectId).ToList(), cancellationToken)
            : [];
        var rows = page.Projects.Select(p =>
        {
            var form = forms.GetValueOrDefault(p.ProjectId);
            var window = SubmissionWindow.Of(period, form?.ExtendedUntil);
            var handedIn = form?.State is FormState.Submitted or FormState.Accepted;
            var overdue = !handedIn && today > window.Deadline && (form?.ExtendedUntil is not { } until || today > until);
            return new ReviewRow(p.ProjectId, p.Number, p.ProjectName, p.PiName, form?.State, submitted.TryGetValue(p.ProjectId, out var at) ? at : null,
                form?.ExtendedUntil, overdue, figures.GetValueOrDefault(p.ProjectId) ?? []);
        }).Where(r => Matches(r, query.State) && MatchesDue(r, query.Due, today)).ToList();
        return new ReviewListPage(page, kind, query, rows, period.Deadline.DayNumber - today.DayNumber);
    }

    private static bool Matches(ReviewRow row, string? state) => state switch
    {
        null or "" => true,
        "none" => row.State is null,
        "overdue" => row.Overdue,
        _ => Enum.TryParse<FormState>(state, out var wanted) && row.State == wanted,
    };

    private static bool MatchesDue(ReviewRow row, string? due, DateOnly today) => due switch
    {
        null or "" => true,
        "overdue" => row.Overdue,
        "extended" => row.ExtendedUntil is { } until && until >= today,
        "pending" => !row.Overdue && row.State is not (FormState.Submitted or FormState.Accepted),
        _ => true,
    };

    private sealed record FormStatus(FormState State, DateOnly? ExtendedUntil);

    private async Task<Dictionary<int, FormStatus>> FormsAsync(FormKind kind, ReportingPeriod period, int year, CancellationToken cancellationToken) =>
        kind == FormKind.ExpectedResults
            ? await db.ExpectedResults.AsNoTracking().Where(f => f.Year == year)
                .ToDictionaryAsync(f => f.ProjectId, f => new FormStatus(f.State, f.ExtendedUntil), cancellationToken)
            : await db.EvaluationForms.AsNoTracking().Where(f => f.ReportingPeriodId == period.Id)
                .ToDictionaryAsync(f => f.ProjectId, f => new FormStatus(f.State, f.ExtendedUntil), cancellationToken);

    private async Task<Dictionary<int, IReadOnlyList<HeadlineFigure>>> HeadlinesAsync(ReportingPeriod period, int year, List<int> projectIds,
        CancellationToken cancellationToken)
    {
        var programme = await db.ProgrammeYears.AsNoTracking().Include(y => y.Periods).SingleAsync(y => y.Year == year, cancellationToken);
        var entries = await ProjectEntries.LoadAsync(db, projectIds, cancellationToken);
        var targets = await db.ExpectedResults.AsNoTracking().Where(e => e.Year == year && projectIds.Contains(e.ProjectId))
            .ToDictionaryAsync(e => e.ProjectId, cancellationToken);
        return projectIds.ToDictionary(id => id, id =>
        {
            var report = KpiEngine.Evaluate(KpiInput.CumulativeThrough(programme, programme.Periods, period, entries.GetValueOrDefault(id) ?? new KpiEntries()));
            var target = targets.GetValueOrDefault(id);
            return (IReadOnlyList<HeadlineFigure>)Headlines
                .Select(h => new HeadlineFigure(h.Label, report.Figures.Value(h.Measure), target?.TargetOf(h.Measure)))
                .ToList();
        });
    }
}
