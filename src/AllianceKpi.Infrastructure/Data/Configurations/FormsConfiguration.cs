using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllianceKpi.Infrastructure.Data.Configurations;

public sealed class ExpectedResultsConfiguration : IEntityTypeConfiguration<ExpectedResults>
{
    public void Configure(EntityTypeBuilder<ExpectedResults> builder)
    {
        builder.ToTable("ExpectedResults");
        builder.HasKey(e => e.Id);
        builder.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ProjectId, e.Year }).IsUnique();
        builder.Property(e => e.ReturnReason);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.TotalIncome);
        builder.HasMany(e => e.Notes).WithOne().HasForeignKey(n => n.ExpectedResultsId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExpectedResultsNoteConfiguration : IEntityTypeConfiguration<ExpectedResultsNote>
{
    public void Configure(EntityTypeBuilder<ExpectedResultsNote> builder)
    {
        builder.ToTable("ExpectedResultsNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Text).IsRequired();
        builder.HasIndex(n => new { n.ExpectedResultsId, n.Item }).IsUnique();
    }
}

public sealed class EvaluationFormConfiguration : IEntityTypeConfiguration<EvaluationForm>
{
    public void Configure(EntityTypeBuilder<EvaluationForm> builder)
    {
        builder.ToTable("EvaluationForms");
        builder.HasKey(e => e.Id);
        builder.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(e => e.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ProjectId, e.ReportingPeriodId }).IsUnique();
        builder.HasIndex(e => e.ReportingPeriodId);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasMany(e => e.Items).WithOne().HasForeignKey(i => i.EvaluationFormId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationItemTextConfiguration : IEntityTypeConfiguration<EvaluationItemText>
{
    public void Configure(EntityTypeBuilder<EvaluationItemText> builder)
    {
        builder.ToTable("EvaluationItemTexts");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.EvaluationFormId, i.Item }).IsUnique();
        builder.HasOne<Attachment>().WithMany().HasForeignKey(i => i.AttachmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.AttachmentId);
    }
}

public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.ToTable("FormSubmissions");
        builder.HasKey(s => s.Id);
        builder.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(s => s.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ProjectId, s.Kind, s.ReportingPeriodId, s.Number }).IsUnique();
        builder.HasIndex(s => s.ReportingPeriodId);
        builder.Property(s => s.SubmittedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.ReviewedByUserId).HasMaxLength(450);
        builder.Property(s => s.CanonicalJson).IsRequired();
        builder.Property(s => s.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

public sealed class WorkflowEventConfiguration : IEntityTypeConfiguration<WorkflowEvent>
{
    public void Configure(EntityTypeBuilder<WorkflowEvent> builder)
    {
        builder.ToTable("WorkflowEvents");
        builder.HasKey(e => e.Id);
        builder.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(e => e.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ProjectId, e.Kind, e.ReportingPeriodId, e.At });
        builder.HasIndex(e => e.ReportingPeriodId);
        builder.Property(e => e.UserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.Reason).HasMaxLength(WorkflowEvent.MaxReasonLength);
    }
}
