using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Home;

/// <summary>An alliance as the public pages link it: its banner when one was uploaded, otherwise its name; the website only when it is http(s).</summary>
public sealed record AllianceLink(int ProjectId, string AllianceName, string? Website, bool HasBanner)
{
    public string BannerUrl => $"/banners/{ProjectId}";
}

public sealed record ApprovedProjectRow(
    string Number, string AllianceName, string ProjectName, string PrincipalInvestigator, string School, string PrimaryIndustry, AllianceLink Link);

/// <summary>The projects the public may see: approved ones, still running or ended (not those refused at review).</summary>
public static class ApprovedProjects
{
    private sealed record Raw(
        int Id, string Number, string Name, string Pi, string School, string? AllianceName, string? Website, string? IndustryCode, bool HasBanner);

    public static IQueryable<Project> Approved(this IQueryable<Project> projects) =>
        projects.Where(p => p.Status == ProjectStatus.Running || p.Status == ProjectStatus.Ended);

    /// <summary>The years that have approved projects, newest first.</summary>
    public static Task<List<int>> YearsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Projects.Approved().Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    public static async Task<IReadOnlyList<ApprovedProjectRow>> OfYearAsync(AppDbContext db, int year, CancellationToken cancellationToken)
    {
        var rows = await db.Projects.AsNoTracking().Approved()
            .Where(p => p.Year == year)
            .OrderBy(p => p.Number)
            .Select(p => new Raw(
                p.Id, p.Number, p.Name, p.PrincipalInvestigatorName, p.School,
                p.Alliance == null ? null : p.Alliance.AllianceName,
                p.Alliance == null ? null : p.Alliance.Website,
                p.Alliance == null ? null : p.Alliance.PrimaryIndustryCode,
                db.AllianceBanners.Any(b => b.ProjectId == p.Id)))
            .ToListAsync(cancellationToken);
        return rows.Select(ToRow).ToList();
    }

    private static ApprovedProjectRow ToRow(Raw raw)
    {
        var allianceName = string.IsNullOrWhiteSpace(raw.AllianceName) ? raw.Name : raw.AllianceName;
        var website = raw.Website is not null && AllianceProfile.IsWebAddress(raw.Website) ? raw.Website.Trim() : null;
        var link = new AllianceLink(raw.Id, allianceName, website, raw.HasBanner);
        return new ApprovedProjectRow(raw.Number, allianceName, raw.Name, raw.Pi, raw.School, IndustryClassification.DisplayOf(raw.IndustryCode), link);
    }
}
