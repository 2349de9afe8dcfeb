using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Progress.Cooperation;

/// <summary>衍生產學合作計畫 of one project and period, with the payer / partner drop-down: see <see cref="EntryPagesHandler{TEntry, TForm}"/>.</summary>
public sealed class CooperationHandler(AppDbContext db, EntrySaveHandler saver)
    : CounterpartyEntryPagesHandler<CooperationProject, CooperationForm>(db, saver, EntryKind.CooperationProject, "cooperation")
{
    protected override IReadOnlyList<CooperationProject> EntriesOf(KpiEntries entries) => entries.CooperationProjects;
}
