using System.Globalization;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Web.Features.Progress;
using AllianceKpi.Web.Features.Workflow;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>Turns the engine's reports, the year's targets and the checklist into what the page shows, item by item.</summary>
public static class EvaluationFigures
{
    public const string TargetMissing = "尚未填寫";
    public const string NoTarget = "—";

    /// <summary>The 工作進度 kind whose entries make an item's figures (items 8 and 10 are typed).</summary>
    private static readonly Dictionary<int, EntryKind> KindOfItem = new()
    {
        [1] = EntryKind.Member,
        [2] = EntryKind.PromotionActivity,
        [3] = EntryKind.OperatingIncome,
        [4] = EntryKind.TechTransfer,
        [5] = EntryKind.MemberService,
        [6] = EntryKind.CooperationProject,
        [7] = EntryKind.DerivedResult,
        [9] = EntryKind.TechnicalService,
    };

    private static readonly HashSet<KpiMeasure> MeasuresWithTarget =
        ExpectedTargets.All.Where(t => t.Measure is not null).Select(t => t.Measure!.Value).Append(KpiMeasure.TotalIncome).ToHashSet();

    public static ItemSection Section(EvaluationContext context, EvaluationItem item, int index, ItemAttachment? attachment) =>
        new(item, index, Figures(context, item), Numbers(context, item), Entries(context, item.Number), attachment);

    public static IReadOnlyList<FigureRow> Figures(EvaluationContext context, EvaluationItem item) =>
        item.Measures.Select(measure =>
        {
            var info = KpiMeasures.Info(measure);
            var cumulative = context.Cumulative.Figures.Value(measure);
            var hasTarget = MeasuresWithTarget.Contains(measure);
            var target = hasTarget ? context.Targets?.TargetOf(measure) : null;
            return new FigureRow(info.Label, info.Unit, Show(context.PeriodReport.Figures.Value(measure)), Show(cumulative),
                !hasTarget ? NoTarget : target is { } t ? Show(t) : TargetMissing,
                Achievement.Show(cumulative, target));
        }).ToList();

    public static IReadOnlyList<TypedNumberRow> Numbers(EvaluationContext context, EvaluationItem item) =>
        EvaluationFields.Numbers.Where(n => n.Item == item.Number).Select(n =>
        {
            var target = context.Targets is { } targets ? n.Target(targets) : null;
            return new TypedNumberRow(n.Key, EvaluationInputNames.Of(n.Key), n.Label, n.Unit,
                target is { } t ? Show(t) : TargetMissing, Achievement.Show(n.Get(context.Form) ?? 0m, target));
        }).ToList();

    /// <summary>The 工作進度 kind whose entries make an item's figures; null for the typed items 8 and 10.</summary>
    public static EntryKind? KindOf(int item) => KindOfItem.TryGetValue(item, out var kind) ? kind : null;

    public static EntriesLink? Entries(EvaluationContext context, int item)
    {
        if (!KindOfItem.TryGetValue(item, out var kind))
        {
            return null;
        }
        var info = ProgressKinds.All.First(k => k.Kind == kind);
        return new EntriesLink(info.Label, $"{context.Progress.BaseUrl}/{info.Slug}");
    }

    /// <summary>A checklist item with its link: a field's anchor on this page, an entry's edit page, or the 預期成果 page.</summary>
    public static ChecklistRow Row(EvaluationContext context, ChecklistItem item)
    {
        var link = item.Link;
        string? href = null;
        if (link.Field is { } field)
        {
            href = "#" + field;
        }
        else if (link is { EntryKind: { } kind, EntryId: { } id })
        {
            var slug = ProgressKinds.All.First(k => k.Kind == kind).Slug;
            href = string.Create(CultureInfo.InvariantCulture, $"{context.Progress.BaseUrl}/{slug}/{id}/edit");
        }
        else if (link.Form == FormKind.ExpectedResults)
        {
            href = "/expected-results";
        }
        return new ChecklistRow(item.Severity, item.Message, href);
    }

    public static string Show(decimal value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
