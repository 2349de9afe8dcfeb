using System.Globalization;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Evaluation;
using AllianceKpi.Web.Features.Progress;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// Builds a <see cref="SummaryReport"/> from the same context as the 管考資料 page (<see cref="EvaluationContext"/>: the engine's
/// period and cumulative reports, the year's 預期成果 and the form), plus the latest 確定送出's hash.
/// </summary>
public sealed class SummaryReportHandler(AppDbContext db, TimeProvider clock)
{
    public const string ExpectedResultsNotSubmitted = "預期成果尚未確定送出，無法下載累計綜整表。";

    /// <summary>Why this summary cannot be had now, or null: 累計綜整表 needs the year's 預期成果 submitted or accepted.</summary>
    public static string? Refusal(EvaluationContext context, SummaryView view) =>
        view == SummaryView.Cumulative && context.Targets?.State is not (FormState.Submitted or FormState.Accepted)
            ? ExpectedResultsNotSubmitted
            : null;

    /// <summary>「2021ETPC_test_2021第一次(3)_季綜整表.pdf」.</summary>
    public static string FileName(EvaluationContext context, SummaryView view) =>
        FileName(context.Progress.Project.Number, context.Progress.Period.Name, view);

    public static string FileName(string projectNumber, string periodName, SummaryView view) =>
        $"{projectNumber}_{ProgressContext.ShortName(periodName)}_{SummaryReport.TitleOf(view)}.pdf";

    /// <summary>The summary of the data as it stands now, generated now; a submitted form's header carries its latest hash.</summary>
    public async Task<SummaryReport> BuildAsync(EvaluationContext context, SummaryView view, CancellationToken cancellationToken)
    {
        string? sha = null;
        if (context.Form.State is FormState.Submitted or FormState.Accepted)
        {
            sha = await db.FormSubmissions.AsNoTracking()
                .Where(s => s.Kind == FormKind.Evaluation && s.ProjectId == context.ProjectId && s.ReportingPeriodId == context.PeriodId)
                .OrderByDescending(s => s.Number).Select(s => s.Sha256).FirstOrDefaultAsync(cancellationToken);
        }
        return await BuildAsync(context, view, sha, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>The summary of the data in <paramref name="context"/> with the given hash in its header and generation time (UTC).</summary>
    public async Task<SummaryReport> BuildAsync(EvaluationContext context, SummaryView view, string? sha256, DateTime generatedAt,
        CancellationToken cancellationToken)
    {
        var report = view == SummaryView.Cumulative ? context.Cumulative : context.PeriodReport;
        var sections = FormItems.Evaluation.Select(item => Section(context, report, item)).ToList();
        var generated = new DateTimeOffset(DateTime.SpecifyKind(generatedAt, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8));
        return new SummaryReport(view, await HeaderAsync(context, sha256, cancellationToken), sections,
            generated.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture));
    }

    private async Task<SummaryHeader> HeaderAsync(EvaluationContext context, string? sha256, CancellationToken cancellationToken)
    {
        var project = context.Progress.Project;
        var state = context.Form.State;
        var final = state is FormState.Submitted or FormState.Accepted;
        var alliance = project.Alliance?.AllianceName
                       ?? await db.AllianceProfiles.AsNoTracking().Where(a => a.ProjectId == project.Id).Select(a => a.AllianceName)
                           .FirstOrDefaultAsync(cancellationToken)
                       ?? "";
        return new SummaryHeader(project.Year, context.Progress.Period.Name, project.Number, project.Name, project.PrincipalInvestigatorName,
            alliance, state.Label(), !final, final ? sha256 : null);
    }

    private static SummarySection Section(EvaluationContext context, KpiReport report, EvaluationItem item)
    {
        var text = context.Form.ItemOf(item.Number);
        var kind = EvaluationFigures.KindOf(item.Number);
        var entries = kind is { } k
            ? report.Of(k).Select(v => new SummaryEntry(PeriodOf(context.Progress, k, v.EntryId), NameOf(context.Progress, k, v.EntryId),
                v.Counted, string.Join("；", v.Reasons))).ToList()
            : [];
        var numbers = EvaluationFields.Numbers.Where(n => n.Item == item.Number).Select(n =>
        {
            var value = n.Get(context.Form);
            var target = context.Targets is { } targets ? n.Target(targets) : null;
            return new SummaryNumber(n.Label, n.Unit, value is { } v ? EvaluationFigures.Show(v) : "—",
                target is { } t ? EvaluationFigures.Show(t) : EvaluationFigures.TargetMissing, Achievement.Show(value ?? 0m, target));
        }).ToList();
        return new SummarySection(item.Number, item.Title, EvaluationFigures.Figures(context, item), numbers,
            item.HasNarrative ? text?.Narrative : null, text?.DifferenceAnalysis,
            kind is { } shown ? ProgressKinds.All.First(p => p.Kind == shown).Label : null, entries);
    }

    private static ProgressEntry? Find(ProgressContext context, EntryKind kind, int id)
    {
        var entries = context.Entries;
        IEnumerable<ProgressEntry> all = kind switch
        {
            EntryKind.Member => entries.Members,
            EntryKind.OperatingIncome => entries.Incomes,
            EntryKind.CooperationProject => entries.CooperationProjects,
            EntryKind.TechTransfer => entries.TechTransfers,
            EntryKind.TechnicalService => entries.TechnicalServices,
            EntryKind.PromotionActivity => entries.PromotionActivities,
            EntryKind.MemberService => entries.MemberServices,
            EntryKind.DerivedResult => entries.DerivedResults,
            _ => [],
        };
        return all.FirstOrDefault(e => e.Id == id);
    }

    private static string PeriodOf(ProgressContext context, EntryKind kind, int id) =>
        Find(context, kind, id) is { } entry ? context.PeriodLabel(entry.ReportingPeriodId) : "";

    /// <summary>What names an entry in the lists of the 工作進度 pages.</summary>
    private static string NameOf(ProgressContext context, EntryKind kind, int id) => Find(context, kind, id) switch
    {
        AllianceMember m => m.CompanyName,
        OperatingIncome e => PayerChoices.NameOf(context, e),
        CooperationProject e => e.Name,
        TechTransfer e => e.Name,
        TechnicalService e => $"{PayerChoices.NameOf(context, e)}：{e.Description}",
        PromotionActivity e => e.Name,
        MemberService e => e.Title,
        DerivedResult e => e.Title,
        _ => "",
    };
}
