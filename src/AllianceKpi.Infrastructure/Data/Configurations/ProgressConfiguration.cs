using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using L = AllianceKpi.Domain.Progress.ProgressFieldLengths;

namespace AllianceKpi.Infrastructure.Data.Configurations;

public sealed class AllianceMemberConfiguration : IEntityTypeConfiguration<AllianceMember>
{
    public void Configure(EntityTypeBuilder<AllianceMember> builder)
    {
        ProgressEntryMapping.Configure(builder, "AllianceMembers");
        builder.Property(m => m.IndustryCode).HasMaxLength(L.IndustryCode).IsRequired();
        builder.Property(m => m.CompanyName).HasMaxLength(L.Name).IsRequired();
        builder.Property(m => m.TaxId).HasMaxLength(L.TaxId);
        builder.Property(m => m.Representative).HasMaxLength(L.Representative).IsRequired();
        builder.Property(m => m.City).HasMaxLength(L.City).IsRequired();
        builder.Property(m => m.Street).HasMaxLength(L.Street).IsRequired();
        builder.Property(m => m.Phone).HasMaxLength(L.Phone).IsRequired();
        builder.Property(m => m.CapitalBand).HasMaxLength(L.Band);
        builder.Property(m => m.EmployeeBand).HasMaxLength(L.Band);
        builder.HasIndex(m => new { m.ProjectId, m.TaxId });
        builder.HasIndex(m => new { m.ProjectId, m.CompanyName });
    }
}

public sealed class OperatingIncomeConfiguration : IEntityTypeConfiguration<OperatingIncome>
{
    public void Configure(EntityTypeBuilder<OperatingIncome> builder)
    {
        ProgressEntryMapping.Configure(builder, "OperatingIncomes");
        ProgressEntryMapping.ConfigureCounterparty(builder);
    }
}

public sealed class CooperationProjectConfiguration : IEntityTypeConfiguration<CooperationProject>
{
    public void Configure(EntityTypeBuilder<CooperationProject> builder)
    {
        ProgressEntryMapping.Configure(builder, "CooperationProjects");
        ProgressEntryMapping.ConfigureCounterparty(builder);
        builder.Property(c => c.Name).HasMaxLength(L.Name).IsRequired();
        builder.Property(c => c.Source).HasMaxLength(L.Source).IsRequired();
    }
}

public sealed class TechTransferConfiguration : IEntityTypeConfiguration<TechTransfer>
{
    public void Configure(EntityTypeBuilder<TechTransfer> builder)
    {
        ProgressEntryMapping.Configure(builder, "TechTransfers");
        ProgressEntryMapping.ConfigureCounterparty(builder);
        builder.Property(t => t.Name).HasMaxLength(L.Name).IsRequired();
    }
}

public sealed class TechnicalServiceConfiguration : IEntityTypeConfiguration<TechnicalService>
{
    public void Configure(EntityTypeBuilder<TechnicalService> builder)
    {
        ProgressEntryMapping.Configure(builder, "TechnicalServices");
        ProgressEntryMapping.ConfigureCounterparty(builder);
        builder.Property(t => t.Description).HasMaxLength(L.Description).IsRequired();
    }
}

public sealed class PromotionActivityConfiguration : IEntityTypeConfiguration<PromotionActivity>
{
    public void Configure(EntityTypeBuilder<PromotionActivity> builder)
    {
        ProgressEntryMapping.Configure(builder, "PromotionActivities");
        builder.Property(a => a.Name).HasMaxLength(L.Name).IsRequired();
        builder.Property(a => a.Place).HasMaxLength(L.Name).IsRequired();
    }
}

public sealed class MemberServiceConfiguration : IEntityTypeConfiguration<MemberService>
{
    public void Configure(EntityTypeBuilder<MemberService> builder)
    {
        ProgressEntryMapping.Configure(builder, "MemberServices");
        builder.Property(s => s.Title).HasMaxLength(L.Name).IsRequired();
    }
}

public sealed class DerivedResultConfiguration : IEntityTypeConfiguration<DerivedResult>
{
    public void Configure(EntityTypeBuilder<DerivedResult> builder)
    {
        ProgressEntryMapping.Configure(builder, "DerivedResults");
        ProgressEntryMapping.ConfigureCounterparty(builder);
        builder.Property(r => r.Title).HasMaxLength(L.Name).IsRequired();
        builder.Property(r => r.PatentNumber).HasMaxLength(L.PatentNumber);
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.StorageKey).HasMaxLength(L.StorageKey).IsRequired();
        builder.HasIndex(a => a.StorageKey).IsUnique();
        builder.Property(a => a.OriginalName).HasMaxLength(L.FileName).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(L.ContentType).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(L.Sha256).IsRequired();
        builder.Property(a => a.UploadedByUserId).HasMaxLength(L.UserId).IsRequired();
        builder.HasIndex(a => a.ProjectId);
        builder.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
