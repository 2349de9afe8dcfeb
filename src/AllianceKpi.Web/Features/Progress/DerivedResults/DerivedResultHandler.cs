using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Progress.DerivedResults;

/// <summary>協助聯盟會員衍生成果 of one project and period, with the payer / partner drop-down: see <see cref="EntryPagesHandler{TEntry, TForm}"/>.</summary>
public sealed class DerivedResultHandler(AppDbContext db, EntrySaveHandler saver)
    : CounterpartyEntryPagesHandler<DerivedResult, DerivedResultForm>(db, saver, EntryKind.DerivedResult, "derived-results")
{
    protected override IReadOnlyList<DerivedResult> EntriesOf(KpiEntries entries) => entries.DerivedResults;
}
