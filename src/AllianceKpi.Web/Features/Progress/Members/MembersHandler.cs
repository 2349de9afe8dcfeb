using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Progress.Members;

/// <summary>
/// 招募聯盟會員 of one project and period (see <see cref="EntryPagesHandler{TEntry, TForm}"/>), with its extras: the still-valid
/// members of earlier periods on the list, a warning when the company is already a member, and no delete while another entry names it.
/// </summary>
public sealed class MembersHandler(AppDbContext db, EntrySaveHandler saver)
    : EntryPagesHandler<AllianceMember, MemberForm>(db, saver, EntryKind.Member, "members")
{
    protected override IReadOnlyList<AllianceMember> EntriesOf(KpiEntries entries) => entries.Members;

    /// <summary>A stock: the earlier periods' members that are still valid members (the engine's 過去招募之有效會員).</summary>
    protected override IReadOnlyList<EntryRow<AllianceMember>> EarlierRows(ProgressContext context) =>
        ValidRows(context, context.Report.EarlierValidMembers);

    protected override MemberFormPage FormPage(ProgressContext context, MemberForm form, int? id, CurrentAttachment? current) =>
        new(context, Slug, form, id, current, DuplicateWarning(context, form, id));

    protected override string? WarningAfterSave(ProgressContext context, MemberForm form, int savedId) =>
        DuplicateWarning(context, form, savedId);

    /// <summary>A member another entry names (payer, partner, …) stays.</summary>
    protected override async Task<string?> DeleteRefusalAsync(int id, CancellationToken cancellationToken)
    {
        var kinds = await Db.KindsNamingAsync(id, cancellationToken);
        return kinds.Count > 0 ? AllianceMemberReferences.RefusalMessage(kinds) : null;
    }

    /// <summary>
    /// 「此統一編號／公司名稱已是本聯盟會員（2021第一次(3)）」 when another member of the project is the same company as the engine
    /// judges it (<see cref="CompanyIdentity"/>: the same 統一編號, or the same name ignoring spaces, width and case when either has none).
    /// </summary>
    public static string? DuplicateWarning(ProgressContext context, MemberForm form, int? exceptId)
    {
        var same = context.Entries.Members.FirstOrDefault(m => m.Id != exceptId
            && CompanyIdentity.Same(form.TaxId, form.CompanyName, m.TaxId, m.CompanyName));
        return same is null ? null : $"此統一編號／公司名稱已是本聯盟會員（{context.PeriodLabel(same.ReportingPeriodId)}）";
    }
}
