using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shouhu.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.Notification>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.Notification> b)
    {
        b.Property(n => n.RecipientId).HasMaxLength(64);
        b.Property(n => n.Text).HasMaxLength(200);
        b.Property(n => n.Link).HasMaxLength(200);
        b.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.OutboxMessage> b)
    {
        b.Property(m => m.RecipientId).HasMaxLength(64);
        b.Property(m => m.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(m => m.Channel).HasMaxLength(20).IsUnicode(false);
        b.Property(m => m.Text).HasMaxLength(200);
        b.HasIndex(m => new { m.SentAt, m.CreatedAt });
    }
}
