using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress.Members;

/// <summary>招募聯盟會員 of one project and period: list, form, save and delete; every query is scoped to the project.</summary>
public sealed class MembersHandler(AppDbContext db, EntrySaveHandler saver) : IEntryPages<MemberForm>
{
    public EntryKind Kind => EntryKind.Member;

    public MembersPage Page(ProgressContext context)
    {
        var current = context.Entries.Members.Where(m => m.ReportingPeriodId == context.PeriodId)
            .Select(m => new MemberRow(m, context.PeriodLabel(m.ReportingPeriodId), context.VerdictOf(EntryKind.Member, m.Id)))
            .ToList();
        var byId = context.Entries.Members.ToDictionary(m => m.Id);
        var earlier = context.Report.EarlierValidMembers.Where(v => byId.ContainsKey(v.EntryId))
            .Select(v => new MemberRow(byId[v.EntryId], context.PeriodLabel(byId[v.EntryId].ReportingPeriodId), v))
            .ToList();
        return new MembersPage(context, current, earlier);
    }

    public MemberFormPage NewForm(ProgressContext context) => new(context, new MemberForm(), null, null, null);

    /// <summary>The edit form of an entry of this project AND this period (an earlier period's entry is read-only here); null otherwise.</summary>
    public async Task<MemberFormPage?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var member = context.Entries.Members.FirstOrDefault(m => m.Id == id && m.ReportingPeriodId == context.PeriodId);
        if (member is null)
        {
            return null;
        }
        var form = MemberForm.From(member);
        return new MemberFormPage(context, form, id, await saver.CurrentAttachmentAsync(context.ProjectId, member.AttachmentId, cancellationToken),
            DuplicateWarning(context, form, id));
    }

    /// <summary>The page again after a refused save, with the drop-downs and the current file.</summary>
    public async Task<MemberFormPage> RedisplayAsync(ProgressContext context, MemberForm form, int? id, CancellationToken cancellationToken)
    {
        var attachmentId = context.Entries.Members.FirstOrDefault(m => m.Id == id)?.AttachmentId;
        return new MemberFormPage(context, form, id, await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken),
            DuplicateWarning(context, form, id));
    }

    /// <summary>Saves a new (id null) or existing member of this period.</summary>
    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, MemberForm form, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var member = id is null ? new AllianceMember() : await TrackedAsync(context, id.Value, cancellationToken);
        if (member is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(), EntrySaveHandler.Prefix);
        var save = new EntrySave<AllianceMember>(context, member, id is null, form.Version, form.Attachment, form.ApplyTo);
        var savedId = await saver.SaveAsync(save, userId, modelState, cancellationToken);
        return savedId is null ? EntrySaveOutcome.Refused : new EntrySaveOutcome(true, savedId, DuplicateWarning(context, form, savedId));
    }

    /// <summary>Deletes a member of this period unless another entry names it.</summary>
    public async Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var member = await TrackedAsync(context, id, cancellationToken);
        if (member is null)
        {
            return DeleteOutcome.NotFound;
        }
        var kinds = await db.KindsNamingAsync(id, cancellationToken);
        if (kinds.Count > 0)
        {
            return new DeleteOutcome(true, AllianceMemberReferences.RefusalMessage(kinds));
        }
        await saver.DeleteAsync(member, cancellationToken);
        return DeleteOutcome.Deleted;
    }

    /// <summary>「此統一編號／公司名稱已是本聯盟會員（2021第一次(3)）」 when another member of the project has the same 統一編號 or name.</summary>
    public static string? DuplicateWarning(ProgressContext context, MemberForm form, int? exceptId)
    {
        var name = form.CompanyName?.Trim();
        var taxId = form.TaxId?.Trim();
        var same = context.Entries.Members.FirstOrDefault(m => m.Id != exceptId
            && ((!string.IsNullOrEmpty(taxId) && m.TaxId == taxId)
                || (!string.IsNullOrEmpty(name) && string.Equals(m.CompanyName, name, StringComparison.OrdinalIgnoreCase))));
        return same is null ? null : $"此統一編號／公司名稱已是本聯盟會員（{context.PeriodLabel(same.ReportingPeriodId)}）";
    }


    object IEntryPages<MemberForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<MemberForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<MemberForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<MemberForm>.RedisplayAsync(ProgressContext context, MemberForm form, int? id, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, cancellationToken);

    private Task<AllianceMember?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        db.AllianceMembers.FirstOrDefaultAsync(
            m => m.Id == id && m.ProjectId == context.ProjectId && m.ReportingPeriodId == context.PeriodId, cancellationToken);
}

