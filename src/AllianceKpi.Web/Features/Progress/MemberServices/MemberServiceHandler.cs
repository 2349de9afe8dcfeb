using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Progress.MemberServices;

/// <summary>對聯盟會員之服務 of one project and period, without a company drop-down: see <see cref="EntryPagesHandler{TEntry, TForm}"/>.</summary>
public sealed class MemberServiceHandler(AppDbContext db, EntrySaveHandler saver)
    : EntryPagesHandler<MemberService, MemberServiceForm>(db, saver, EntryKind.MemberService, "member-services")
{
    protected override IReadOnlyList<MemberService> EntriesOf(KpiEntries entries) => entries.MemberServices;
}
