using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Children;

namespace Shouhu.Data.Configurations;

internal sealed class HomeVisitConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.HomeVisit>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.HomeVisit> b)
    {
        b.Property(v => v.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(v => v.MetPersons).HasMaxLength(500);
        b.Property(v => v.SituationNote).HasMaxLength(4000);
        b.Property(v => v.Needs).HasMaxLength(2000);
        b.Property(v => v.FollowUp).HasMaxLength(2000);
        b.Property(v => v.VisitedBy).HasMaxLength(64);
        b.Property(v => v.VisitedByName).HasMaxLength(256);
        b.HasIndex(v => new { v.ChildId, v.VisitedAt });
        b.HasOne<Child>().WithMany().HasForeignKey(v => v.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VisitScheduleConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.VisitSchedule>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.VisitSchedule> b)
    {
        b.HasKey(s => s.ChildId);
        b.Property(s => s.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.HasIndex(s => s.NextDueOn);
        b.HasOne<Child>().WithOne().HasForeignKey<Shouhu.Domain.Monitoring.VisitSchedule>(s => s.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}
