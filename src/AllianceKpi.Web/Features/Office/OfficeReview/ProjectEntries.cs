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
        return projectIds.ToDictionary(id => id, id => new KpiEntries
        {
            Members = members.Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToList(),
            Incomes = incomes.Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToList(),
            CooperationProjects = cooperation.Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToList(),
            TechTransfers = transfers.Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToList(),
            TechnicalServices = services.Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToList(),
            PromotionActivities = promotion.Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToList(),
            MemberServices = memberServices.Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToList(),
            DerivedResults = derived.Where(e => e.ProjectId == id).OrderBy(e => e.Id).ToList(),
        });
    }
}
