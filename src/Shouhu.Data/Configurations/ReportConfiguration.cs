using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;

namespace Shouhu.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.Report>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.Report> b)
    {
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
        // Concern types are rows (ReportConcern, issue #11 §5); the mandatory-report police step (§10).
        b.Ignore(r => r.ConcernTypes);
        b.Ignore(r => r.NeedsPolice);
        b.HasMany(r => r.Concerns).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        // Every load of a report has its concern types (the triage copies them to the case).
        b.Navigation(r => r.Concerns).AutoInclude();
        b.Property(r => r.PoliceReportedBy).HasMaxLength(100);
        b.Property(r => r.PoliceUnit).HasMaxLength(100);
        b.Property(r => r.PoliceFeedbackNote).HasMaxLength(2000);
    }
}

/// <summary>A report's concern type as a row a query counts by, region-scoped like its report (issue #11 §5).</summary>
internal sealed class ReportConcernConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.ReportConcern>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.ReportConcern> b)
    {
        b.HasKey(c => new { c.ReportId, c.ConcernType });
        b.Property(c => c.RegionCode).HasMaxLength(12).IsUnicode(false);
        // Counting by concern inside a jurisdiction: one index range per subtree and type.
        b.HasIndex(c => new { c.RegionCode, c.ConcernType });
    }
}
