using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress.MemberServices;

public sealed record MemberServiceRow(MemberService Service, string PeriodLabel, Verdict? Verdict);

public sealed record MemberServicePage(ProgressContext Context, IReadOnlyList<MemberServiceRow> Rows);

public sealed record MemberServiceFormPage(ProgressContext Context, MemberServiceForm Form, int? EntryId, CurrentAttachment? Current)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/member-services/{id}/edit" : $"{Context.BaseUrl}/member-services/new";
}

/// <summary>對聯盟會員之服務 of one project and period: list, form, save and delete; every query is scoped to the project.</summary>
public sealed class MemberServiceHandler(AppDbContext db, EntrySaveHandler saver) : IEntryPages<MemberServiceForm>
{
    public EntryKind Kind => EntryKind.MemberService;

    public MemberServicePage Page(ProgressContext context) => new(context, context.Entries.MemberServices
        .Where(e => e.ReportingPeriodId == context.PeriodId)
        .Select(e => new MemberServiceRow(e, context.PeriodLabel(e.ReportingPeriodId),
            context.VerdictOf(EntryKind.MemberService, e.Id)))
        .ToList());

    public MemberServiceFormPage NewForm(ProgressContext context) => new(context, new MemberServiceForm(), null, null);

    public async Task<MemberServiceFormPage?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var service = context.Entries.MemberServices.FirstOrDefault(e => e.Id == id && e.ReportingPeriodId == context.PeriodId);
        return service is null ? null : await RedisplayAsync(context, MemberServiceForm.From(service), id, cancellationToken);
    }

    public async Task<MemberServiceFormPage> RedisplayAsync(ProgressContext context, MemberServiceForm form, int? id, CancellationToken cancellationToken)
    {
        var attachmentId = context.Entries.MemberServices.FirstOrDefault(e => e.Id == id)?.AttachmentId;
        var current = await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken);
        return new MemberServiceFormPage(context, form, id, current);
    }

    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, MemberServiceForm form, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var service = id is null ? new MemberService() : await TrackedAsync(context, id.Value, cancellationToken);
        if (service is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(), EntrySaveHandler.Prefix);
        var save = new EntrySave<MemberService>(context, service, id is null, form.Version, form.Attachment, form.ApplyTo);
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


    object IEntryPages<MemberServiceForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<MemberServiceForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<MemberServiceForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<MemberServiceForm>.RedisplayAsync(ProgressContext context, MemberServiceForm form, int? id, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, cancellationToken);

    private Task<MemberService?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        db.MemberServices.FirstOrDefaultAsync(
            e => e.Id == id && e.ProjectId == context.ProjectId && e.ReportingPeriodId == context.PeriodId, cancellationToken);
}
