using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Progress.TechTransfers;

/// <summary>衍生技轉 of one project and period, with the payer / partner drop-down: see <see cref="EntryPagesHandler{TEntry, TForm}"/>.</summary>
public sealed class TechTransferHandler(AppDbContext db, EntrySaveHandler saver)
    : CounterpartyEntryPagesHandler<TechTransfer, TechTransferForm>(db, saver, EntryKind.TechTransfer, "tech-transfers")
{
    protected override IReadOnlyList<TechTransfer> EntriesOf(KpiEntries entries) => entries.TechTransfers;
}
