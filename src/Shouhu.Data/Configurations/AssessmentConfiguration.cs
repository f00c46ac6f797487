using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Children;

namespace Shouhu.Data.Configurations;

internal sealed class AssessmentInstrumentConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.AssessmentInstrument>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.AssessmentInstrument> b)
    {
        b.Property(i => i.CityCode).HasMaxLength(4).IsUnicode(false);
        b.HasIndex(i => new { i.CityCode, i.Version }).IsUnique();
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.DefinitionJson).HasMaxLength(200_000);
        b.Property(i => i.CreatedBy).HasMaxLength(64);
    }
}

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.RiskAssessment>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.RiskAssessment> b)
    {
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(a => a.AnswersJson).HasMaxLength(20_000);
        b.Property(a => a.Note).HasMaxLength(2000);
        b.Property(a => a.AssessedBy).HasMaxLength(64);
        b.Property(a => a.AssessedByName).HasMaxLength(256);
        // A child's latest assessment; and "re-assessment due" across a region.
        b.HasIndex(a => new { a.ChildId, a.AssessedAt });
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}
