using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Regions;

namespace Shouhu.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(12).IsUnicode(false);
        b.Property(r => r.ParentCode).HasMaxLength(12).IsUnicode(false);
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasIndex(r => r.ParentCode);
    }
}
