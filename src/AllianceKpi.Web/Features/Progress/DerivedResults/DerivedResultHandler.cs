using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress.DerivedResults;

public sealed record DerivedResultRow(DerivedResult Result, string PeriodLabel, string Partner, Verdict? Verdict);

public sealed record DerivedResultPage(ProgressContext Context, IReadOnlyList<DerivedResultRow> Rows);

public sealed record DerivedResultFormPage(ProgressContext Context, DerivedResultForm Form, int? EntryId, CurrentAttachment? Current,
    IReadOnlyList<MemberChoice> Members)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/derived-results/{id}/edit" : $"{Context.BaseUrl}/derived-results/new";
}

/// <summary>協助聯盟會員衍生成果 of one project and period: list, form, save and delete; every query is scoped to the project.</summary>
public sealed class DerivedResultHandler(AppDbContext db, EntrySaveHandler saver) : IEntryPages<DerivedResultForm>
{
    public EntryKind Kind => EntryKind.DerivedResult;

    public DerivedResultPage Page(ProgressContext context) => new(context, context.Entries.DerivedResults
        .Where(e => e.ReportingPeriodId == context.PeriodId)
        .Select(e => new DerivedResultRow(e, context.PeriodLabel(e.ReportingPeriodId), PayerChoices.NameOf(context, e),
            context.VerdictOf(EntryKind.DerivedResult, e.Id)))
        .ToList());

    public DerivedResultFormPage NewForm(ProgressContext context) => new(context, new DerivedResultForm(), null, null, PayerChoices.UpToPeriod(context));

    public async Task<DerivedResultFormPage?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var result = context.Entries.DerivedResults.FirstOrDefault(e => e.Id == id && e.ReportingPeriodId == context.PeriodId);
        return result is null ? null : await RedisplayAsync(context, DerivedResultForm.From(result), id, cancellationToken);
    }

    public async Task<DerivedResultFormPage> RedisplayAsync(ProgressContext context, DerivedResultForm form, int? id, CancellationToken cancellationToken)
    {
        var attachmentId = context.Entries.DerivedResults.FirstOrDefault(e => e.Id == id)?.AttachmentId;
        var current = await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken);
        return new DerivedResultFormPage(context, form, id, current, PayerChoices.UpToPeriod(context));
    }

    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, DerivedResultForm form, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var result = id is null ? new DerivedResult() : await TrackedAsync(context, id.Value, cancellationToken);
        if (result is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(PayerChoices.UpToPeriod(context)), EntrySaveHandler.Prefix);
        var save = new EntrySave<DerivedResult>(context, result, id is null, form.Version, form.Attachment, form.ApplyTo);
        var savedId = await saver.SaveAsync(save, userId, modelState, cancellationToken);
        return savedId is null ? EntrySaveOutcome.Refused : new EntrySaveOutcome(true, savedId, null);
    }

    public async Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var result = await TrackedAsync(context, id, cancellationToken);
        if (result is null)
        {
            return DeleteOutcome.NotFound;
        }
        await saver.DeleteAsync(result, cancellationToken);
        return DeleteOutcome.Deleted;
    }


    object IEntryPages<DerivedResultForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<DerivedResultForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<DerivedResultForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<DerivedResultForm>.RedisplayAsync(ProgressContext context, DerivedResultForm form, int? id, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, cancellationToken);

    private Task<DerivedResult?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        db.DerivedResults.FirstOrDefaultAsync(
            e => e.Id == id && e.ProjectId == context.ProjectId && e.ReportingPeriodId == context.PeriodId, cancellationToken);
}
