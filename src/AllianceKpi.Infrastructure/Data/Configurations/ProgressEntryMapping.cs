using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllianceKpi.Infrastructure.Data.Configurations;

/// <summary>
/// The columns every work-progress table shares. Each entry kind has a table of its own (no TPH/TPT): the base class is not an entity,
/// each configuration calls <see cref="Configure{T}"/> for the inherited columns and adds its own.
/// </summary>
/// <remarks>
/// Delete behaviours: a project takes its entries with it (cascade); a reporting period that entries are tagged with cannot be deleted
/// (restrict); an attachment or an alliance member that an entry still points at cannot be deleted (no action: refused by the database,
/// checked at the end of the statement, so deleting a whole project — which cascades to entries, members and attachments at once — works).
/// The app checks for references first and tells the user which entries name the member; the database is the safety net.
/// </remarks>
internal static class ProgressEntryMapping
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string tableName) where T : ProgressEntry
    {
        builder.ToTable(tableName);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(e => e.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(e => e.AttachmentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(e => new { e.ProjectId, e.ReportingPeriodId });
    }

    /// <summary>The company an entry names: an alliance member (by id) or a name typed for a non-member.</summary>
    public static void ConfigureCounterparty<T>(EntityTypeBuilder<T> builder) where T : ProgressEntry, INamesCounterparty
    {
        builder.Property<string?>(nameof(INamesCounterparty.CounterpartyName)).HasMaxLength(ProgressFieldLengths.Name);
        builder.HasOne<AllianceMember>().WithMany().HasForeignKey(nameof(INamesCounterparty.MemberId)).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(nameof(INamesCounterparty.MemberId));
    }
}
