using AllianceKpi.Domain.Kpi;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeReview;

/// <summary>The work-progress entries of many projects at once (one query per kind), grouped for the rules engine.</summary>
public static class ProjectEntries
{
    public static async Task<Dictionary<int, KpiEntries>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> projectIds,
        CancellationToken cancellationToken)
    {
        var members = await db.AllianceMembers.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).ToListAsync(cancellationToken);
        var incomes = await db.OperatingIncomes.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).ToListAsync(cancellationToken);
        var cooperation = await db.CooperationProjects.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).ToListAsync(cancellationToken);
        var transfers = await db.TechTransfers.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).ToListAsync(cancellationToken);
        var services = await db.TechnicalServices.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).ToListAsync(cancellationToken);
        var promotion = await db.PromotionActivities.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).ToListAsync(cancellationToken);
        var memberServices = await db.MemberServices.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).ToListAsync(cancellationToken);
        var derived = await db.DerivedResults.AsNoTracking().Where(e => projectIds.Contains(e.ProjectId)).ToListAsync(cancellationToken);
        var byMember = members.ToLookup(e => e.ProjectId);
        var byIncome = incomes.ToLookup(e => e.ProjectId);
        var byCooperation = cooperation.ToLookup(e => e.ProjectId);
        var byTransfer = transfers.ToLookup(e => e.ProjectId);
        var byService = services.ToLookup(e => e.ProjectId);
        var byPromotion = promotion.ToLookup(e => e.ProjectId);
        var byMemberService = memberServices.ToLookup(e => e.ProjectId);
        var byDerived = derived.ToLookup(e => e.ProjectId);
        // Grouped once (a lookup), not filtered per project: 224 projects × every entry would be quadratic.
        return projectIds.Distinct().ToDictionary(id => id, id => new KpiEntries
        {
            Members = byMember[id].OrderBy(e => e.Id).ToList(),
            Incomes = byIncome[id].OrderBy(e => e.Id).ToList(),
            CooperationProjects = byCooperation[id].OrderBy(e => e.Id).ToList(),
            TechTransfers = byTransfer[id].OrderBy(e => e.Id).ToList(),
            TechnicalServices = byService[id].OrderBy(e => e.Id).ToList(),
            PromotionActivities = byPromotion[id].OrderBy(e => e.Id).ToList(),
            MemberServices = byMemberService[id].OrderBy(e => e.Id).ToList(),
            DerivedResults = byDerived[id].OrderBy(e => e.Id).ToList(),
        });
    }
}
