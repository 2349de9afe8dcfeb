using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Workflow;
using static AllianceKpi.Domain.Workflow.SnapshotValue;

namespace AllianceKpi.Domain.Forms;

/// <summary>What the 管考資料 snapshot is made of: the form, the engine's reports of the period and through it, and the project's entries.</summary>
public sealed record EvaluationSnapshotInput(EvaluationForm Form, KpiReport PeriodReport, KpiReport CumulativeReport, KpiEntries Entries);

/// <summary>Builds the <see cref="Snapshot"/> of each form at 確定送出; field keys are <see cref="FieldKeys"/>'.</summary>
public static class FormSnapshots
{
    /// <summary>預期成果: every target (and 總收入) and 其它補充說明, item by item.</summary>
    public static Snapshot ForExpectedResults(ExpectedResults form, int reportingPeriodId)
    {
        ArgumentNullException.ThrowIfNull(form);
        var sections = FormItems.Expected.Select(item =>
        {
            var fields = ExpectedTargets.OfItem(item.Number)
                .Select(t => new SnapshotField(t.Name, $"{t.Label}({t.Unit})", Of(t.Get(form))))
                .ToList();
            if (item.Number == 3)
            {
                fields.Insert(0, new SnapshotField("totalIncome", "總收入(仟元)", Of(form.TotalIncome)));
            }
            fields.Add(new SnapshotField("note", "其它補充說明", Of(form.NoteOf(item.Number))));
            return new SnapshotSection($"item{item.Number}", $"{item.Number}. {item.Title}", fields);
        }).ToList();
        return new Snapshot(FormKind.ExpectedResults, form.ProjectId, reportingPeriodId, sections, []);
    }

    /// <summary>管考資料: per item the engine's figures (本期, 累計), the typed figures, the texts and the attachment; then the period's entries.</summary>
    public static Snapshot ForEvaluation(EvaluationSnapshotInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var form = input.Form;
        var sections = FormItems.Evaluation.Select(item =>
        {
            var fields = new List<SnapshotField>();
            foreach (var measure in item.Measures)
            {
                var info = KpiMeasures.Info(measure);
                var key = Camel(measure.ToString());
                fields.Add(new($"{key}.period", $"{info.Label}({info.Unit})本期", Of(input.PeriodReport.Figures.Value(measure))));
                fields.Add(new($"{key}.cumulative", $"{info.Label}({info.Unit})累計", Of(input.CumulativeReport.Figures.Value(measure))));
            }
            fields.AddRange(EvaluationFields.Numbers.Where(n => n.Item == item.Number)
                .Select(n => new SnapshotField(n.Name, $"{n.Label}({n.Unit})", Of(n.Get(form)))));
            var row = form.ItemOf(item.Number);
            if (item.HasNarrative)
            {
                fields.Add(new("narrative", EvaluationFields.NarrativeLabel, Of(row?.Narrative)));
            }
            if (item.Number == FormItems.Item8)
            {
                fields.Add(new("derivedOutputMethod", "衍生產值計算方式", Of(form.DerivedOutputMethod)));
                fields.Add(new("talentCompanies", "培育人才就職之聯盟廠商會員公司名稱", Of(form.TalentCompanies)));
            }
            fields.Add(new("differenceAnalysis", EvaluationFields.DifferenceAnalysisLabel, Of(row?.DifferenceAnalysis)));
            fields.Add(new("attachment", "考核附件", Of(row?.AttachmentId)));
            return new SnapshotSection($"item{item.Number}", $"{item.Number}. {item.Title}", fields);
        }).ToList();
        var entries = EntrySnapshots.Build(input.Entries, form.ReportingPeriodId, input.PeriodReport);
        return new Snapshot(FormKind.Evaluation, form.ProjectId, form.ReportingPeriodId, sections, entries);
    }

    private static string Camel(string name) => string.Concat(char.ToLowerInvariant(name[0]).ToString(), name[1..]);
}
