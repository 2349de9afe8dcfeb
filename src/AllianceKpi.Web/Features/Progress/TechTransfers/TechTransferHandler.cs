using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress.TechTransfers;

public sealed record TechTransferRow(TechTransfer Transfer, string PeriodLabel, string Partner, Verdict? Verdict);

public sealed record TechTransferPage(ProgressContext Context, IReadOnlyList<TechTransferRow> Rows);

public sealed record TechTransferFormPage(ProgressContext Context, TechTransferForm Form, int? EntryId, CurrentAttachment? Current,
    IReadOnlyList<MemberChoice> Members)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/tech-transfers/{id}/edit" : $"{Context.BaseUrl}/tech-transfers/new";
}

/// <summary>衍生技轉 of one project and period: list, form, save and delete; every query is scoped to the project.</summary>
public sealed class TechTransferHandler(AppDbContext db, EntrySaveHandler saver) : IEntryPages<TechTransferForm>
{
    public EntryKind Kind => EntryKind.TechTransfer;

    public TechTransferPage Page(ProgressContext context) => new(context, context.Entries.TechTransfers
        .Where(e => e.ReportingPeriodId == context.PeriodId)
        .Select(e => new TechTransferRow(e, context.PeriodLabel(e.ReportingPeriodId), PayerChoices.NameOf(context, e),
            context.VerdictOf(EntryKind.TechTransfer, e.Id)))
        .ToList());

    public TechTransferFormPage NewForm(ProgressContext context) => new(context, new TechTransferForm(), null, null, PayerChoices.UpToPeriod(context));

    public async Task<TechTransferFormPage?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var transfer = context.Entries.TechTransfers.FirstOrDefault(e => e.Id == id && e.ReportingPeriodId == context.PeriodId);
        return transfer is null ? null : await RedisplayAsync(context, TechTransferForm.From(transfer), id, cancellationToken);
    }

    public async Task<TechTransferFormPage> RedisplayAsync(ProgressContext context, TechTransferForm form, int? id, CancellationToken cancellationToken)
    {
        var attachmentId = context.Entries.TechTransfers.FirstOrDefault(e => e.Id == id)?.AttachmentId;
        var current = await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken);
        return new TechTransferFormPage(context, form, id, current, PayerChoices.UpToPeriod(context));
    }

    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, TechTransferForm form, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var transfer = id is null ? new TechTransfer() : await TrackedAsync(context, id.Value, cancellationToken);
        if (transfer is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(PayerChoices.UpToPeriod(context)), EntrySaveHandler.Prefix);
        var save = new EntrySave<TechTransfer>(context, transfer, id is null, form.Version, form.Attachment, form.ApplyTo);
        var savedId = await saver.SaveAsync(save, userId, modelState, cancellationToken);
        return savedId is null ? EntrySaveOutcome.Refused : new EntrySaveOutcome(true, savedId, null);
    }

    public async Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var transfer = await TrackedAsync(context, id, cancellationToken);
        if (transfer is null)
        {
            return DeleteOutcome.NotFound;
        }
        await saver.DeleteAsync(transfer, cancellationToken);
        return DeleteOutcome.Deleted;
    }


    object IEntryPages<TechTransferForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<TechTransferForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<TechTransferForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<TechTransferForm>.RedisplayAsync(ProgressContext context, TechTransferForm form, int? id, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, cancellationToken);

    private Task<TechTransfer?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        db.TechTransfers.FirstOrDefaultAsync(
            e => e.Id == id && e.ProjectId == context.ProjectId && e.ReportingPeriodId == context.PeriodId, cancellationToken);
}
