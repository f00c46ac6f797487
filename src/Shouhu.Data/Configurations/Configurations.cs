using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Audit;
using Shouhu.Domain.Children;
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

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.HasIndex(o => o.RegionCode);
        b.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<ShouhuUser>
{
    public void Configure(EntityTypeBuilder<ShouhuUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.Role).HasMaxLength(40);
        b.Property(u => u.JurisdictionCode).HasMaxLength(12).IsUnicode(false);
        b.HasIndex(u => u.JurisdictionCode);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.CitizenIdNumber).HasMaxLength(18).IsUnicode(false);
        // Exact ID-number match anywhere in the country blocks a second record (unique, across jurisdictions).
        b.HasIndex(c => c.CitizenIdNumber).IsUnique();
        b.Property(c => c.EthnicityCode).HasMaxLength(2).IsUnicode(false);
        b.Property(c => c.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.CreatedBy).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.Name);
        b.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Categories).WithOne().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Guardians).WithOne().HasForeignKey(g => g.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChildCategoryConfiguration : IEntityTypeConfiguration<ChildCategory>
{
    public void Configure(EntityTypeBuilder<ChildCategory> b)
    {
        b.Property(c => c.SubType).HasMaxLength(50);
        b.Property(c => c.RegionCode).HasMaxLength(12).IsUnicode(false);
    }
}

internal sealed class GuardianConfiguration : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> b)
    {
        b.Property(g => g.Name).HasMaxLength(100);
        b.Property(g => g.CitizenIdNumber).HasMaxLength(18).IsUnicode(false);
        b.HasIndex(g => g.CitizenIdNumber);
        b.Property(g => g.RegionCode).HasMaxLength(12).IsUnicode(false);
    }
}

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
