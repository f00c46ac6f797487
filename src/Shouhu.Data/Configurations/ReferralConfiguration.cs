using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Accounts;

namespace Shouhu.Data.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.Referral>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.Referral> b)
    {
        b.Property(r => r.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.Property(r => r.SharedInformation).HasMaxLength(4000);
        b.Property(r => r.SentBy).HasMaxLength(64);
        b.Property(r => r.SentByName).HasMaxLength(256);
        b.Property(r => r.RespondedBy).HasMaxLength(64);
        b.Property(r => r.RespondedByName).HasMaxLength(256);
        b.Property(r => r.DeclineReason).HasMaxLength(2000);
        b.Property(r => r.ActionsTaken).HasMaxLength(10000);
        b.Property(r => r.Feedback).HasMaxLength(4000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.CaseId);
        // A receiving organisation's inbox.
        b.HasIndex(r => new { r.OrganizationId, r.Status });
        b.HasOne<Shouhu.Domain.Casework.Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
