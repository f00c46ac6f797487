using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Exports;

namespace Shouhu.Data.Configurations;

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> b)
    {
        b.Property(j => j.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(j => j.List).HasMaxLength(32).IsUnicode(false);
        b.Property(j => j.Parameters).HasMaxLength(4000);
        b.Property(j => j.CreatedBy).HasMaxLength(64);
        b.Property(j => j.CreatedByName).HasMaxLength(256);
        b.Property(j => j.Role).HasMaxLength(64);
        b.Property(j => j.FileName).HasMaxLength(255);
        b.Property(j => j.Failure).HasMaxLength(2000);
        b.HasIndex(j => new { j.CreatedBy, j.CreatedAt });
        b.HasIndex(j => j.Status);
    }
}
