using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress.Cooperation;

public sealed record CooperationRow(CooperationProject Project, string PeriodLabel, string Partner, Verdict? Verdict);

public sealed record CooperationPage(ProgressContext Context, IReadOnlyList<CooperationRow> Rows);

public sealed record CooperationFormPage(ProgressContext Context, CooperationForm Form, int? EntryId, CurrentAttachment? Current,
    IReadOnlyList<MemberChoice> Members)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/cooperation/{id}/edit" : $"{Context.BaseUrl}/cooperation/new";
}

/// <summary>衍生產學合作計畫 of one project and period: list, form, save and delete; every query is scoped to the project.</summary>
public sealed class CooperationHandler(AppDbContext db, EntrySaveHandler saver) : IEntryPages<CooperationForm>
{
    public EntryKind Kind => EntryKind.CooperationProject;

    public CooperationPage Page(ProgressContext context) => new(context, context.Entries.CooperationProjects
        .Where(e => e.ReportingPeriodId == context.PeriodId)
        .Select(e => new CooperationRow(e, context.PeriodLabel(e.ReportingPeriodId), PayerChoices.NameOf(context, e),
            context.VerdictOf(EntryKind.CooperationProject, e.Id)))
        .ToList());

    public CooperationFormPage NewForm(ProgressContext context) => new(context, new CooperationForm(), null, null, PayerChoices.UpToPeriod(context));

    public async Task<CooperationFormPage?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var project = context.Entries.CooperationProjects.FirstOrDefault(e => e.Id == id && e.ReportingPeriodId == context.PeriodId);
        return project is null ? null : await RedisplayAsync(context, CooperationForm.From(project), id, cancellationToken);
    }

    public async Task<CooperationFormPage> RedisplayAsync(ProgressContext context, CooperationForm form, int? id, CancellationToken cancellationToken)
    {
        var attachmentId = context.Entries.CooperationProjects.FirstOrDefault(e => e.Id == id)?.AttachmentId;
        var current = await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken);
        return new CooperationFormPage(context, form, id, current, PayerChoices.UpToPeriod(context));
    }

    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, CooperationForm form, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var project = id is null ? new CooperationProject() : await TrackedAsync(context, id.Value, cancellationToken);
        if (project is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(PayerChoices.UpToPeriod(context)), EntrySaveHandler.Prefix);
        var save = new EntrySave<CooperationProject>(context, project, id is null, form.Version, form.Attachment, form.ApplyTo);
        var savedId = await saver.SaveAsync(save, userId, modelState, cancellationToken);
        return savedId is null ? EntrySaveOutcome.Refused : new EntrySaveOutcome(true, savedId, null);
    }

    public async Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var project = await TrackedAsync(context, id, cancellationToken);
        if (project is null)
        {
            return DeleteOutcome.NotFound;
        }
        await saver.DeleteAsync(project, cancellationToken);
        return DeleteOutcome.Deleted;
    }


    object IEntryPages<CooperationForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<CooperationForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<CooperationForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<CooperationForm>.RedisplayAsync(ProgressContext context, CooperationForm form, int? id, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, cancellationToken);

    private Task<CooperationProject?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        db.CooperationProjects.FirstOrDefaultAsync(
            e => e.Id == id && e.ProjectId == context.ProjectId && e.ReportingPeriodId == context.PeriodId, cancellationToken);
}
