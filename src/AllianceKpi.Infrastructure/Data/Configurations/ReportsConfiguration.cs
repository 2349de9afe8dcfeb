using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllianceKpi.Infrastructure.Data.Configurations;

public sealed class SubmittedSummaryConfiguration : IEntityTypeConfiguration<SubmittedSummary>
{
    public void Configure(EntityTypeBuilder<SubmittedSummary> builder)
    {
        builder.ToTable("SubmittedSummaries");
        builder.HasKey(s => new { s.FormSubmissionId, s.View });
        builder.HasOne(s => s.Submission).WithMany().HasForeignKey(s => s.FormSubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.ModelJson).IsRequired();
    }
}

public sealed class SummaryPdfConfiguration : IEntityTypeConfiguration<SummaryPdf>
{
    public void Configure(EntityTypeBuilder<SummaryPdf> builder)
    {
        builder.ToTable("SummaryPdfs");
        builder.HasKey(p => new { p.FormSubmissionId, p.View, p.Status });
        builder.HasOne<SubmittedSummary>().WithMany().HasForeignKey(p => new { p.FormSubmissionId, p.View }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Status).HasMaxLength(20);
        builder.Property(p => p.Content).IsRequired();
        builder.Property(p => p.Sha256).HasMaxLength(64).IsRequired();
    }
}

public sealed class SummaryZipJobConfiguration : IEntityTypeConfiguration<SummaryZipJob>
{
    public void Configure(EntityTypeBuilder<SummaryZipJob> builder)
    {
        builder.ToTable("SummaryZipJobs");
        builder.HasKey(j => j.Id);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(j => j.ReportingPeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => j.Status);
        builder.HasIndex(j => j.ReportingPeriodId);
        builder.Property(j => j.RequestedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.Property(j => j.FileKey).HasMaxLength(64);
    }
}
