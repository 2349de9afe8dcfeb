using AllianceKpi.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllianceKpi.Infrastructure.Data.Configurations;

public sealed class ProgrammeYearConfiguration : IEntityTypeConfiguration<ProgrammeYear>
{
    public void Configure(EntityTypeBuilder<ProgrammeYear> builder)
    {
        builder.ToTable("ProgrammeYears");
        builder.HasKey(y => y.Id);
        builder.HasIndex(y => y.Year).IsUnique();
        builder.Property(y => y.Version).IsConcurrencyToken();
        builder.HasMany(y => y.Periods).WithOne(p => p.ProgrammeYear).HasForeignKey(p => p.ProgrammeYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public const int MaxNameLength = 100;

    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.ToTable("ReportingPeriods");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(MaxNameLength).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.ProgrammeYearId, p.Kind }).IsUnique();
    }
}
