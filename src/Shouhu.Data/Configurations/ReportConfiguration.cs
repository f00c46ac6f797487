using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;

namespace Shouhu.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.Report>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.Report> b)
    {
        b.Property(r => r.ConcernTypes).HasMaxLength(400).IsUnicode(false);
        b.Property(r => r.Narrative).HasMaxLength(10000);
        b.Property(r => r.UnidentifiedChildName).HasMaxLength(100);
        b.Property(r => r.UnidentifiedChildDescription).HasMaxLength(1000);
        b.Property(r => r.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(r => r.Location).HasMaxLength(200);
        b.Property(r => r.ReporterName).HasMaxLength(100);
        b.Property(r => r.ReporterPhone).HasMaxLength(20).IsUnicode(false);
        b.Property(r => r.ReporterRelation).HasMaxLength(50);
        b.Property(r => r.ReporterOrganization).HasMaxLength(200);
        b.Property(r => r.DecisionReason).HasMaxLength(2000);
        b.Property(r => r.TriagedBy).HasMaxLength(64);
        b.Property(r => r.TriagedByName).HasMaxLength(256);
        b.Property(r => r.RecordedBy).HasMaxLength(64);
        b.Property(r => r.RecordedByName).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        // The triage queue: waiting reports of a subtree, earliest clock first.
        b.HasIndex(r => new { r.Status, r.RegionCode, r.ResponseDueAt });
        b.HasIndex(r => r.ChildId);
        b.HasIndex(r => r.CaseId);
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
