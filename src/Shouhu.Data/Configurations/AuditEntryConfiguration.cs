using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Audit;

namespace Shouhu.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.Sequence).IsUnique();
        b.HasIndex(a => new { a.Entity, a.EntityId });
        b.Property(a => a.ActorId).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(32);
        b.Property(a => a.Entity).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(a => a.ClientAddress).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(1000);
        b.Property(a => a.PreviousHash).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.Hash).HasMaxLength(64).IsUnicode(false);
    }
}

internal sealed class AuditChildConfiguration : IEntityTypeConfiguration<AuditChild>
{
    public void Configure(EntityTypeBuilder<AuditChild> b)
    {
        b.ToTable("AuditChildren");
        b.HasKey(a => new { a.Sequence, a.ChildId });
        // The trail of one child: an index range by child, newest entries found through the sequence.
        b.HasIndex(a => new { a.ChildId, a.Sequence });
    }
}
