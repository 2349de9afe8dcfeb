using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Settings;

/// <summary>編輯聯盟基本資訊 of the project in the route; the profile row is created on first save.</summary>
public sealed class AllianceHandler(AppDbContext db, ILogger<AllianceHandler> logger)
{
    public const string Conflict = "聯盟基本資訊已被其他人修改。您輸入的內容保留如下，請確認後再按「更新」（將覆蓋對方的修改），或重新整理頁面查看最新內容。";

    public async Task<AllianceForm?> FormAsync(int projectId, CancellationToken cancellationToken)
    {
        var profile = await db.AllianceProfiles.AsNoTracking().FirstOrDefaultAsync(a => a.ProjectId == projectId, cancellationToken);
        var form = AllianceForm.From(profile);
        return await FillAsync(projectId, form, cancellationToken) ? form : null;
    }

    /// <summary>Refills the read-only facts, the drop-downs and the banner state; false when the project does not exist.</summary>
    public async Task<bool> FillAsync(int projectId, AllianceForm form, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Number, p.Name, p.PrincipalInvestigatorName }).FirstOrDefaultAsync(cancellationToken);
        if (project is null)
        {
            return false;
        }
        var banner = await db.AllianceBanners.AsNoTracking().Where(b => b.ProjectId == projectId)
            .Select(b => new BannerFacts(b.Sha256, b.UploadedAt)).FirstOrDefaultAsync(cancellationToken);
        form.Facts = new AllianceFacts(projectId, project.Number, project.Name, project.PrincipalInvestigatorName, IndustryOptions.Build(), banner);
        return true;
    }

    /// <summary>Saves when the rules pass and nobody saved in between (Version); on a conflict the form gets the current Version.</summary>
    public async Task<IReadOnlyList<DomainViolation>> SaveAsync(int projectId, AllianceForm form, CancellationToken cancellationToken)
    {
        var violations = form.Check();
        if (violations.Count > 0)
        {
            return violations;
        }
        var profile = await db.AllianceProfiles.FirstOrDefaultAsync(a => a.ProjectId == projectId, cancellationToken);
        if (profile is null)
        {
            profile = db.AllianceProfiles.Add(new AllianceProfile { ProjectId = projectId }).Entity;
        }
        else if (profile.Version != form.Version)
        {
            form.Version = profile.Version;
            return [new("", Conflict)];
        }
        form.ApplyTo(profile);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrency-token mismatch, or the row inserted by someone else a moment ago.
            db.ChangeTracker.Clear();
            form.Version = await db.AllianceProfiles.Where(a => a.ProjectId == projectId).Select(a => a.Version).FirstOrDefaultAsync(cancellationToken);
            return [new("", Conflict)];
        }
        logger.LogInformation("Alliance profile of project {ProjectId} saved", projectId);
        return [];
    }
}
