using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress.Promotion;

public sealed record PromotionRow(PromotionActivity Activity, string PeriodLabel, Verdict? Verdict);

public sealed record PromotionPage(ProgressContext Context, IReadOnlyList<PromotionRow> Rows);

public sealed record PromotionFormPage(ProgressContext Context, PromotionForm Form, int? EntryId, CurrentAttachment? Current)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/promotion/{id}/edit" : $"{Context.BaseUrl}/promotion/new";
}

/// <summary>聯盟推廣活動 of one project and period: list, form, save and delete; every query is scoped to the project.</summary>
public sealed class PromotionHandler(AppDbContext db, EntrySaveHandler saver) : IEntryPages<PromotionForm>
{
    public EntryKind Kind => EntryKind.PromotionActivity;

    public PromotionPage Page(ProgressContext context) => new(context, context.Entries.PromotionActivities
        .Where(e => e.ReportingPeriodId == context.PeriodId)
        .Select(e => new PromotionRow(e, context.PeriodLabel(e.ReportingPeriodId),
            context.VerdictOf(EntryKind.PromotionActivity, e.Id)))
        .ToList());

    public PromotionFormPage NewForm(ProgressContext context) => new(context, new PromotionForm(), null, null);

    public async Task<PromotionFormPage?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var activity = context.Entries.PromotionActivities.FirstOrDefault(e => e.Id == id && e.ReportingPeriodId == context.PeriodId);
        return activity is null ? null : await RedisplayAsync(context, PromotionForm.From(activity), id, cancellationToken);
    }

    public async Task<PromotionFormPage> RedisplayAsync(ProgressContext context, PromotionForm form, int? id, CancellationToken cancellationToken)
    {
        var attachmentId = context.Entries.PromotionActivities.FirstOrDefault(e => e.Id == id)?.AttachmentId;
        var current = await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken);
        return new PromotionFormPage(context, form, id, current);
    }

    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, PromotionForm form, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var activity = id is null ? new PromotionActivity() : await TrackedAsync(context, id.Value, cancellationToken);
        if (activity is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(), EntrySaveHandler.Prefix);
        var save = new EntrySave<PromotionActivity>(context, activity, id is null, form.Version, form.Attachment, form.ApplyTo);
        var savedId = await saver.SaveAsync(save, userId, modelState, cancellationToken);
        return savedId is null ? EntrySaveOutcome.Refused : new EntrySaveOutcome(true, savedId, null);
    }

    public async Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var activity = await TrackedAsync(context, id, cancellationToken);
        if (activity is null)
        {
            return DeleteOutcome.NotFound;
        }
        await saver.DeleteAsync(activity, cancellationToken);
        return DeleteOutcome.Deleted;
    }


    object IEntryPages<PromotionForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<PromotionForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<PromotionForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<PromotionForm>.RedisplayAsync(ProgressContext context, PromotionForm form, int? id, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, cancellationToken);

    private Task<PromotionActivity?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        db.PromotionActivities.FirstOrDefaultAsync(
            e => e.Id == id && e.ProjectId == context.ProjectId && e.ReportingPeriodId == context.PeriodId, cancellationToken);
}
