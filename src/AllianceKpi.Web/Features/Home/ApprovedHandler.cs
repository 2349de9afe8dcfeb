using AllianceKpi.Infrastructure.Data;

namespace AllianceKpi.Web.Features.Home;

/// <summary>通過計畫: the approved projects of one year; <see cref="Years"/> fills the year drop-down.</summary>
public sealed record ApprovedViewModel(int? Year, IReadOnlyList<int> Years, IReadOnlyList<ApprovedProjectRow> Projects);

public sealed class ApprovedHandler(AppDbContext db)
{
    /// <summary>The chosen year, or the latest year with approved projects when none is chosen.</summary>
    public async Task<ApprovedViewModel> ApprovedAsync(int? year, CancellationToken cancellationToken)
    {
        var years = await ApprovedProjects.YearsAsync(db, cancellationToken);
        var chosen = year ?? (years.Count > 0 ? years[0] : null);
        if (chosen is null)
        {
            return new ApprovedViewModel(null, years, []);
        }
        var projects = await ApprovedProjects.OfYearAsync(db, chosen.Value, cancellationToken);
        return new ApprovedViewModel(chosen, years, projects);
    }
}
