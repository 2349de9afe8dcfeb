using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Progress.Promotion;

/// <summary>聯盟推廣活動 of one project and period, without a company drop-down: see <see cref="EntryPagesHandler{TEntry, TForm}"/>.</summary>
public sealed class PromotionHandler(AppDbContext db, EntrySaveHandler saver)
    : EntryPagesHandler<PromotionActivity, PromotionForm>(db, saver, EntryKind.PromotionActivity, "promotion")
{
    protected override IReadOnlyList<PromotionActivity> EntriesOf(KpiEntries entries) => entries.PromotionActivities;
}
