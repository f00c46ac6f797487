using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;

namespace Shouhu.Data.Configurations;

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
        b.Property(c => c.HouseholdRegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(c => c.SchoolName).HasMaxLength(100);
        b.Property(c => c.Grade).HasMaxLength(20);
        b.Property(c => c.NotInSchoolReason).HasMaxLength(200);
        b.Property(c => c.DisabilityCertificateNumber).HasMaxLength(30);
        b.Property(c => c.ContactPhone).HasMaxLength(20).IsUnicode(false);
        b.Property(c => c.Housing).HasMaxLength(200);
        b.Property(c => c.CareCapacityNote).HasMaxLength(2000);
        b.Property(c => c.IllnessType).HasMaxLength(100);
        b.Property(c => c.UpdatedBy).HasMaxLength(64);
        // The register is listed by village, then name: one ordered index range for any jurisdiction.
        b.HasIndex(c => new { c.RegionCode, c.Name, c.Id });
        // Name search (prefix) and fuzzy duplicate detection (same name and birth date).
        b.HasIndex(c => new { c.Name, c.BirthDate });
        b.HasOne(c => c.EntrustedCare).WithOne().HasForeignKey<EntrustedCare>(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
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
        b.Property(c => c.Basis).HasMaxLength(500);
        b.Property(c => c.StatusReason).HasMaxLength(500);
        b.Property(c => c.SubmittedBy).HasMaxLength(64);
        b.Property(c => c.TownshipVerifiedBy).HasMaxLength(64);
        b.Property(c => c.CountyConfirmedBy).HasMaxLength(64);
        b.Property(c => c.ClosedBy).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Property(c => c.RegionCode).HasMaxLength(12).IsUnicode(false);
        // Lists of one category inside a region subtree: counted and paged (village, then registration order) on this
        // covering index alone, without touching a child that is not on the page.
        b.HasIndex(c => new { c.Category, c.RegionCode, c.ChildId, c.Status, c.ValidFrom, c.ValidTo });
        b.HasIndex(c => c.ChildId);
    }
}

internal sealed class EntrustedCareConfiguration : IEntityTypeConfiguration<EntrustedCare>
{
    public void Configure(EntityTypeBuilder<EntrustedCare> b)
    {
        b.Property(e => e.CaregiverName).HasMaxLength(100);
        b.Property(e => e.CitizenIdNumber).HasMaxLength(18).IsUnicode(false);
        b.Property(e => e.Phone).HasMaxLength(20).IsUnicode(false);
        b.Property(e => e.Address).HasMaxLength(200);
        b.Property(e => e.RegionCode).HasMaxLength(12).IsUnicode(false);
    }
}

internal sealed class ChildRevisionConfiguration : IEntityTypeConfiguration<ChildRevision>
{
    public void Configure(EntityTypeBuilder<ChildRevision> b)
    {
        b.Property(r => r.ChangedBy).HasMaxLength(64);
        b.Property(r => r.ChangedByName).HasMaxLength(256);
        b.Property(r => r.Field).HasMaxLength(64);
        b.Property(r => r.OldValue).HasMaxLength(2000);
        b.Property(r => r.NewValue).HasMaxLength(2000);
        b.Property(r => r.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.HasIndex(r => new { r.ChildId, r.ChangedAt });
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
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
        b.Property(g => g.WorkPlace).HasMaxLength(100);
        b.Property(g => g.Employment).HasMaxLength(100);
        b.Property(g => g.Illness).HasMaxLength(50);
        b.Property(g => g.WorkRegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(g => g.Phone).HasMaxLength(20).IsUnicode(false);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasIndex(g => g.ChildId);
    }
}
