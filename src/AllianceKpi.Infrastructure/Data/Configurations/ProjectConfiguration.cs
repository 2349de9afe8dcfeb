using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllianceKpi.Infrastructure.Data.Configurations;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Number).HasMaxLength(50).IsRequired();
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.PrincipalInvestigatorName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.School).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Department).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.ProgressStamp).HasDefaultValue(Guid.Empty);
        builder.HasIndex(p => p.Year);
        builder.HasOne(p => p.Alliance).WithOne().HasForeignKey<AllianceProfile>(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Members).WithOne(m => m.Project).HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AllianceProfileConfiguration : IEntityTypeConfiguration<AllianceProfile>
{
    public void Configure(EntityTypeBuilder<AllianceProfile> builder)
    {
        builder.ToTable("AllianceProfiles");
        builder.HasKey(a => a.ProjectId);
        builder.Property(a => a.ProjectId).ValueGeneratedNever();
        builder.Property(a => a.AllianceName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Website).HasMaxLength(500);
        builder.Property(a => a.Introduction).HasMaxLength(2000);
        builder.Property(a => a.HowToJoin).HasMaxLength(2000);
        builder.Property(a => a.ContactName).HasMaxLength(100);
        builder.Property(a => a.ContactPhone).HasMaxLength(50);
        builder.Property(a => a.ContactEmail).HasMaxLength(256);
        builder.Property(a => a.PrimaryIndustryCode).HasMaxLength(10);
        builder.Property(a => a.SecondaryIndustryCode1).HasMaxLength(10);
        builder.Property(a => a.SecondaryIndustryCode2).HasMaxLength(10);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class AllianceBannerConfiguration : IEntityTypeConfiguration<AllianceBanner>
{
    public void Configure(EntityTypeBuilder<AllianceBanner> builder)
    {
        builder.ToTable("AllianceBanners");
        builder.HasKey(b => b.ProjectId);
        builder.Property(b => b.ProjectId).ValueGeneratedNever();
        builder.Property(b => b.Content).IsRequired();
        builder.Property(b => b.Sha256).HasMaxLength(64).IsRequired();
        builder.HasOne<Project>().WithOne().HasForeignKey<AllianceBanner>(b => b.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> builder)
    {
        builder.ToTable("ProjectMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.AddedByUserId).HasMaxLength(450);
        builder.HasIndex(m => new { m.ProjectId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
