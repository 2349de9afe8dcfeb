using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Websites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllianceKpi.Infrastructure.Data.Configurations;

public sealed class WebsiteCheckConfiguration : IEntityTypeConfiguration<WebsiteCheck>
{
    public void Configure(EntityTypeBuilder<WebsiteCheck> builder)
    {
        builder.ToTable("WebsiteChecks");
        builder.HasKey(c => c.Id);
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Url).HasMaxLength(WebsiteCheck.MaxUrlLength);
        builder.Property(c => c.Note).HasMaxLength(WebsiteCheck.MaxNoteLength);
        builder.Property(c => c.ProbeSummary).HasMaxLength(WebsiteCheck.MaxProbeSummaryLength);
        builder.Property(c => c.CheckedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.CheckedByName).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ProjectId, c.Month }).IsUnique();
        builder.HasIndex(c => c.Month);
    }
}
