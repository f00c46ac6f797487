using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shouhu.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.Alert>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.Alert> b)
    {
        b.Property(a => a.SubjectKey).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(a => a.AssigneeId).HasMaxLength(64);
        b.Property(a => a.Message).HasMaxLength(500);
        // The engine's reconciliation: the open alerts of a rule, by subject.
        b.HasIndex(a => new { a.IsOpen, a.Rule, a.SubjectKey });
        // At most one open alert per rule and subject, whatever runs at once (another instance, another process): a
        // partial unique index; the in-process lock only spares the collisions.
        b.HasIndex(a => new { a.Rule, a.SubjectKey }).IsUnique().HasFilter("\"IsOpen\"").HasDatabaseName("UX_Alerts_Open_Rule_Subject");
        b.HasIndex(a => new { a.RegionCode, a.IsOpen });
        b.HasIndex(a => a.ChildId);
        b.HasIndex(a => a.CaseId);
    }
}
