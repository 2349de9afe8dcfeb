using AllianceKpi.Domain.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AllianceKpi.Infrastructure.Data.Configurations;

public sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.ToTable("News");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Title).HasMaxLength(NewsItem.MaxTitleLength).IsRequired();
        builder.Property(n => n.Body).HasMaxLength(NewsItem.MaxBodyLength).IsRequired();
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasIndex(n => new { n.IsPinned, n.PublishedOn });
    }
}

public sealed class QaEntryConfiguration : IEntityTypeConfiguration<QaEntry>
{
    public void Configure(EntityTypeBuilder<QaEntry> builder)
    {
        builder.ToTable("QaEntries");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Question).HasMaxLength(QaEntry.MaxQuestionLength).IsRequired();
        builder.Property(q => q.Answer).HasMaxLength(QaEntry.MaxAnswerLength).IsRequired();
        builder.Property(q => q.Version).IsConcurrencyToken();
    }
}

public sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.To).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Body).HasMaxLength(8000).IsRequired();
        builder.Property(e => e.Link).HasMaxLength(2000);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => e.SentAt);
    }
}
