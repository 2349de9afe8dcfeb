using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Web.Features.Progress.Cooperation;
using AllianceKpi.Web.Features.Progress.DerivedResults;
using AllianceKpi.Web.Features.Progress.Income;
using AllianceKpi.Web.Features.Progress.Members;
using AllianceKpi.Web.Features.Progress.MemberServices;
using AllianceKpi.Web.Features.Progress.Promotion;
using AllianceKpi.Web.Features.Progress.TechnicalServices;
using AllianceKpi.Web.Features.Progress.TechTransfers;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>
/// Re-runs every kind's own form checks (<see cref="EntryPagesHandler{TEntry, TForm}.InvalidEntries"/>) over the period's entries
/// already in the context: no query. The 管考資料 checklist blocks 確定送出 on each entry returned.
/// </summary>
public sealed class EntryChecksHandler(
    MembersHandler members,
    IncomeHandler incomes,
    CooperationHandler cooperation,
    TechTransferHandler techTransfers,
    TechnicalServiceHandler technicalServices,
    PromotionHandler promotion,
    MemberServiceHandler memberServices,
    DerivedResultHandler derivedResults)
{
    public IReadOnlyList<InvalidEntry> InvalidEntries(ProgressContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var titleOf = EntrySnapshots.Titles(context.Entries);
        return members.InvalidEntries(context, titleOf)
            .Concat(incomes.InvalidEntries(context, titleOf))
            .Concat(cooperation.InvalidEntries(context, titleOf))
            .Concat(techTransfers.InvalidEntries(context, titleOf))
            .Concat(technicalServices.InvalidEntries(context, titleOf))
            .Concat(promotion.InvalidEntries(context, titleOf))
            .Concat(memberServices.InvalidEntries(context, titleOf))
            .Concat(derivedResults.InvalidEntries(context, titleOf))
            .ToList();
    }
}
