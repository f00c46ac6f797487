using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Casework;

namespace Shouhu.Data.Configurations;

/// <summary>
/// The casework rules' part of the model (issue #11 §§5, 10, 12): a report's concern types as rows, its mandatory-report
/// police step, and how a guardianship measure ended.
/// </summary>
internal sealed class CaseworkRulesConfiguration : IEntityTypeConfiguration<ReportConcern>, IEntityTypeConfiguration<Report>, IEntityTypeConfiguration<GuardianshipMeasure>
{
    public void Configure(EntityTypeBuilder<ReportConcern> b)
    {
        b.HasKey(c => new { c.ReportId, c.ConcernType });
        b.Property(c => c.RegionCode).HasMaxLength(12).IsUnicode(false);
        // Counting by concern inside a jurisdiction: one index range per subtree and type.
        b.HasIndex(c => new { c.RegionCode, c.ConcernType });
    }

    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Ignore(r => r.ConcernTypes);
        b.Ignore(r => r.NeedsPolice);
        b.HasMany(r => r.Concerns).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        // Every load of a report has its concern types (the triage copies them to the case).
        b.Navigation(r => r.Concerns).AutoInclude();
        b.Property(r => r.PoliceReportedBy).HasMaxLength(100);
        b.Property(r => r.PoliceUnit).HasMaxLength(100);
        b.Property(r => r.PoliceFeedbackNote).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<GuardianshipMeasure> b)
    {
        b.Property(m => m.EndNote).HasMaxLength(2000);
    }
}
