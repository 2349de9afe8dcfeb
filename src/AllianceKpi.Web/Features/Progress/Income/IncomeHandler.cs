using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Progress.Income;

/// <summary>聯盟營運收入 of one project and period, with the payer / partner drop-down: see <see cref="EntryPagesHandler{TEntry, TForm}"/>.</summary>
public sealed class IncomeHandler(AppDbContext db, EntrySaveHandler saver)
    : CounterpartyEntryPagesHandler<OperatingIncome, IncomeForm>(db, saver, EntryKind.OperatingIncome, "income")
{
    protected override IReadOnlyList<OperatingIncome> EntriesOf(KpiEntries entries) => entries.Incomes;
}
