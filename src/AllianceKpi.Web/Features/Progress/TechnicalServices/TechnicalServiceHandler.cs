using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress.TechnicalServices;

public sealed record TechnicalServiceRow(TechnicalService Service, string PeriodLabel, string Partner, Verdict? Verdict);

public sealed record TechnicalServicePage(ProgressContext Context, IReadOnlyList<TechnicalServiceRow> Rows);

public sealed record TechnicalServiceFormPage(ProgressContext Context, TechnicalServiceForm Form, int? EntryId, CurrentAttachment? Current,
    IReadOnlyList<MemberChoice> Members)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/technical-services/{id}/edit" : $"{Context.BaseUrl}/technical-services/new";
}

/// <summary>技術服務 of one project and period: list, form, save and delete; every query is scoped to the project.</summary>
public sealed class TechnicalServiceHandler(AppDbContext db, EntrySaveHandler saver) : IEntryPages<TechnicalServiceForm>
{
    public EntryKind Kind => EntryKind.TechnicalService;

    public TechnicalServicePage Page(ProgressContext context) => new(context, context.Entries.TechnicalServices
        .Where(e => e.ReportingPeriodId == context.PeriodId)
        .Select(e => new TechnicalServiceRow(e, context.PeriodLabel(e.ReportingPeriodId), PayerChoices.NameOf(context, e),
            context.VerdictOf(EntryKind.TechnicalService, e.Id)))
        .ToList());

    public TechnicalServiceFormPage NewForm(ProgressContext context) => new(context, new TechnicalServiceForm(), null, null, PayerChoices.UpToPeriod(context));

    public async Task<TechnicalServiceFormPage?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var service = context.Entries.TechnicalServices.FirstOrDefault(e => e.Id == id && e.ReportingPeriodId == context.PeriodId);
        return service is null ? null : await RedisplayAsync(context, TechnicalServiceForm.From(service), id, cancellationToken);
    }

    public async Task<TechnicalServiceFormPage> RedisplayAsync(ProgressContext context, TechnicalServiceForm form, int? id, CancellationToken cancellationToken)
    {
        var attachmentId = context.Entries.TechnicalServices.FirstOrDefault(e => e.Id == id)?.AttachmentId;
        var current = await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken);
        return new TechnicalServiceFormPage(context, form, id, current, PayerChoices.UpToPeriod(context));
    }

    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, TechnicalServiceForm form, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var service = id is null ? new TechnicalService() : await TrackedAsync(context, id.Value, cancellationToken);
        if (service is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(PayerChoices.UpToPeriod(context)), EntrySaveHandler.Prefix);
        var save = new EntrySave<TechnicalService>(context, service, id is null, form.Version, form.Attachment, form.ApplyTo);
        var savedId = await saver.SaveAsync(save, userId, modelState, cancellationToken);
        return savedId is null ? EntrySaveOutcome.Refused : new EntrySaveOutcome(true, savedId, null);
    }

    public async Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var service = await TrackedAsync(context, id, cancellationToken);
        if (service is null)
        {
            return DeleteOutcome.NotFound;
        }
        await saver.DeleteAsync(service, cancellationToken);
        return DeleteOutcome.Deleted;
    }


    object IEntryPages<TechnicalServiceForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<TechnicalServiceForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<TechnicalServiceForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<TechnicalServiceForm>.RedisplayAsync(ProgressContext context, TechnicalServiceForm form, int? id, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, cancellationToken);

    private Task<TechnicalService?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        db.TechnicalServices.FirstOrDefaultAsync(
            e => e.Id == id && e.ProjectId == context.ProjectId && e.ReportingPeriodId == context.PeriodId, cancellationToken);
}
