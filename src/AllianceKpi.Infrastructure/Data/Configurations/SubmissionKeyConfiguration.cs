using AllianceKpi.Infrastructure.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllianceKpi.Infrastructure.Data.Configurations;

public sealed class SubmissionKeyConfiguration : IEntityTypeConfiguration<SubmissionKey>
{
    public void Configure(EntityTypeBuilder<SubmissionKey> builder)
    {
        builder.ToTable("SubmissionKeys");
        builder.HasKey(k => k.Key);
        builder.Property(k => k.Key).ValueGeneratedNever();
        builder.Property(k => k.UserId).HasMaxLength(450).IsRequired();
        builder.Property(k => k.Kind).HasMaxLength(SubmissionKey.MaxKindLength).IsRequired();
        builder.HasIndex(k => k.CreatedAt);
    }
}
