using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>Builds the 管考資料 page from a context: for a GET from the stored form, for a redisplay from what the user posted.</summary>
public sealed class EvaluationPageHandler(AppDbContext db, FormWorkflowHandler workflow)
{
    public const string OfficeReadOnly = "計畫辦公室僅檢視管考資料，不修改計畫填報的內容；如需修改，請退回由計畫修改。";

    public async Task<EvaluationPage> BuildAsync(EvaluationContext context, EvaluationInput? posted, IReadOnlyList<ConflictField> conflicts,
        CancellationToken cancellationToken)
    {
        var form = context.Form;
        var period = context.Progress.Period;
        var blocker = workflow.EditBlocker(form, period);
        if (blocker is null && context.Actor is not (Actor.Pi or Actor.Assistant))
        {
            blocker = OfficeReadOnly;
        }
        var checklist = context.Checklist();
        var offers = context.Actor is { } actor
            ? FormWorkflow.Offers(workflow.Context(form, period, actor, SubmissionChecklist.BlockingCount(checklist)))
            : [];
        var attachments = await AttachmentsAsync(context, cancellationToken);
        var items = FormItems.Evaluation
            .Select((item, index) => EvaluationFigures.Section(context, item, index, attachments.GetValueOrDefault(item.Number)))
            .ToList();
        return new EvaluationPage(
            context,
            posted ?? EvaluationInput.From(form),
            WorkflowStatus.Of(form, period, blocker),
            items,
            checklist.Select(c => EvaluationFigures.Row(context, c)).ToList(),
            conflicts,
            CanEdit: blocker is null && offers.Contains(FormAction.SaveDraft),
            CanSubmit: blocker is null && offers.Contains(FormAction.Submit));
    }

    /// <summary>The files the items hold now (only the project's own attachments), by item number.</summary>
    private async Task<Dictionary<int, ItemAttachment>> AttachmentsAsync(EvaluationContext context, CancellationToken cancellationToken)
    {
        var byItem = context.Form.Items.Where(i => i.AttachmentId is > 0).ToDictionary(i => i.AttachmentId!.Value, i => i.Item);
        if (byItem.Count == 0)
        {
            return [];
        }
        var ids = byItem.Keys.ToList();
        var names = await db.Attachments.AsNoTracking()
            .Where(a => a.ProjectId == context.ProjectId && ids.Contains(a.Id))
            .Select(a => new { a.Id, a.OriginalName })
            .ToListAsync(cancellationToken);
        return names.ToDictionary(a => byItem[a.Id],
            a => new ItemAttachment(a.Id, a.OriginalName, $"/projects/{context.ProjectId}/attachments/{a.Id}"));
    }
}
