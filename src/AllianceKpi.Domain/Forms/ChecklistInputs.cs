using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Text;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Forms;

/// <summary>
/// What the 管考資料 checklist is built from: the form; the engine's report of the period (its verdicts) and through the
/// period (its figures, against the year's targets); the project's entries (for their names); the year's 預期成果 (null
/// when none was started); and the entries whose fields fail their own form checks (the web layer runs those).
/// </summary>
public sealed record EvaluationChecklistSource(
    EvaluationForm Form,
    KpiReport PeriodReport,
    KpiReport CumulativeReport,
    KpiEntries Entries,
    ExpectedResults? Targets,
    IReadOnlyList<InvalidEntry>? InvalidEntries = null);

/// <summary>Builds <see cref="SubmissionChecklistInput"/> from the forms, so that the web layer only gathers what they need.</summary>
public static class ChecklistInputs
{
    /// <summary>預期成果: every target is required (0 is a target), numbers must be keepable, notes within 500 characters.</summary>
    public static SubmissionChecklistInput ForExpectedResults(ExpectedResults form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var missing = ExpectedTargets.All.Where(t => t.Get(form) is null)
            .Select(t => new DomainViolation(t.Key, $"請填寫「{t.Label}」的目標值（無目標請填 0）。"));
        return new SubmissionChecklistInput
        {
            Kind = FormKind.ExpectedResults,
            Texts = FormItems.Expected
                .Select(i => new FormTextField(FieldKeys.Note(i.Number), $"{i.Number}. 其它補充說明", form.NoteOf(i.Number), TextLimits.ExpectedNote))
                .ToList(),
            FormViolations = missing.Concat(form.Check().Where(v => !v.Field.EndsWith(".note", StringComparison.Ordinal))).ToList(),
        };
    }

    public static SubmissionChecklistInput ForEvaluation(EvaluationChecklistSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var form = source.Form;
        var titleOf = EntrySnapshots.Titles(source.Entries);
        return new SubmissionChecklistInput
        {
            Kind = FormKind.Evaluation,
            ExpectedResultsSubmitted = source.Targets?.State is FormState.Submitted or FormState.Accepted,
            Texts = EvaluationFields.Texts(form),
            FormViolations = EvaluationViolations(form),
            FormWarnings = EvaluationWarnings(form),
            InvalidEntries = source.InvalidEntries ?? [],
            NotCounted = source.PeriodReport.Verdicts
                .Select(v => NotCountedEntry.From(v, titleOf(v.Kind, v.EntryId)))
                .OfType<NotCountedEntry>()
                .ToList(),
            Progress = source.Targets is null ? [] : Progress(form, source.CumulativeReport, source.Targets),
        };
    }

    private static List<DomainViolation> EvaluationViolations(EvaluationForm form)
    {
        var violations = EvaluationFields.Numbers.Where(n => n.Get(form) is null)
            .Select(n => new DomainViolation(n.Key, $"請填寫「{n.Label}」（無則填 0）。"))
            .ToList();
        violations.AddRange(form.Check().Where(v => EvaluationFields.Numbers.Any(n => n.Key == v.Field)));
        if (form.DerivedOutputValue is > 0m && TextLength.IsBlank(form.DerivedOutputMethod))
        {
            violations.Add(new(EvaluationFields.DerivedOutputMethodKey, "填報聯盟會員衍生產值時，請說明計算方式（衍生產值要加「佐證附件」與「計算方式」）。"));
        }
        if (form.TalentPlaced is > 0 && TextLength.IsBlank(form.TalentCompanies))
        {
            violations.Add(new(EvaluationFields.TalentCompaniesKey, "請條列培育人才就職之聯盟廠商會員公司名稱。"));
        }
        return violations;
    }

    private static List<DomainViolation> EvaluationWarnings(EvaluationForm form) =>
        form.DerivedOutputValue is > 0m && form.ItemOf(FormItems.Item8)?.AttachmentId is null
            ? [new(FieldKeys.Attachment(FormItems.Item8), "衍生產值要加「佐證附件」：請在 8. 上傳佐證附件（如新聞、廠商聲明）。")]
            : [];

    private static List<ItemProgress> Progress(EvaluationForm form, KpiReport cumulative, ExpectedResults targets) =>
        FormItems.Evaluation.Select(item => new ItemProgress(
                item.Number,
                item.Title,
                FieldKeys.DifferenceAnalysis(item.Number),
                form.ItemOf(item.Number)?.DifferenceAnalysis,
                item.Measures
                    .Select(m => new MeasureProgress(Label(m), cumulative.Figures.Value(m), targets.TargetOf(m)))
                    .Concat(EvaluationFields.Numbers.Where(n => n.Item == item.Number)
                        .Select(n => new MeasureProgress(n.Label, n.Get(form) ?? 0m, n.Target(targets))))
                    .ToList()))
            .ToList();

    private static string Label(KpiMeasure measure)
    {
        var info = KpiMeasures.Info(measure);
        return $"{info.Label}({info.Unit})";
    }
}
