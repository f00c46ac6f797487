using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Accounts;

namespace Shouhu.Data.Configurations;

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
