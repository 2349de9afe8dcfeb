using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Progress.TechnicalServices;

/// <summary>技術服務 of one project and period, with the payer / partner drop-down: see <see cref="EntryPagesHandler{TEntry, TForm}"/>.</summary>
public sealed class TechnicalServiceHandler(AppDbContext db, EntrySaveHandler saver)
    : CounterpartyEntryPagesHandler<TechnicalService, TechnicalServiceForm>(db, saver, EntryKind.TechnicalService, "technical-services")
{
    protected override IReadOnlyList<TechnicalService> EntriesOf(KpiEntries entries) => entries.TechnicalServices;
}
