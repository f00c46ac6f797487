using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;

namespace Shouhu.Data.Configurations;

internal sealed class PreventionActivityConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.PreventionActivity>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.PreventionActivity> b)
    {
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(a => a.Location).HasMaxLength(200);
        b.Property(a => a.Organizer).HasMaxLength(200);
        b.Property(a => a.CreatedBy).HasMaxLength(64);
        b.HasIndex(a => new { a.RegionCode, a.HeldOn });
        b.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PreventionAttendanceConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.PreventionAttendance>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.PreventionAttendance> b)
    {
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.HasIndex(a => new { a.ActivityId, a.ChildId }).IsUnique();
        b.HasIndex(a => a.ChildId);
        b.HasOne<Shouhu.Domain.Monitoring.PreventionActivity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}
