using System.Security.Cryptography;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Settings;

public sealed record StoredBanner(byte[] Content, string Sha256);

/// <summary>The alliance banner: upload (checked as a real 222×112 PNG, stored with its SHA-256) and read for the public pages.</summary>
public sealed class BannerHandler(AppDbContext db, TimeProvider clock, ILogger<BannerHandler> logger)
{
    public async Task<IReadOnlyList<DomainViolation>> UploadAsync(int projectId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return BannerUpload.Check([]);
        }
        if (file.Length > AllianceBanner.MaxBytes)
        {
            return BannerUpload.TooLarge(file.Length);
        }
        var content = await ReadAsync(file, cancellationToken);
        var violations = BannerUpload.Check(content);
        if (violations.Count > 0)
        {
            return violations;
        }
        var banner = await db.AllianceBanners.FirstOrDefaultAsync(b => b.ProjectId == projectId, cancellationToken)
                     ?? db.AllianceBanners.Add(new AllianceBanner { ProjectId = projectId }).Entity;
        banner.Content = content;
        banner.Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        banner.UploadedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Banner of project {ProjectId} uploaded ({Bytes} bytes)", projectId, content.Length);
        return [];
    }

    public Task<StoredBanner?> FindAsync(int projectId, CancellationToken cancellationToken) =>
        db.AllianceBanners.AsNoTracking()
            .Where(b => b.ProjectId == projectId)
            .Select(b => new StoredBanner(b.Content, b.Sha256))
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
