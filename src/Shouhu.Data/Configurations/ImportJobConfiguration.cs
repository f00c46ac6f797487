using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Imports;

namespace Shouhu.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(j => j.CreatedBy).HasMaxLength(64);
        b.Property(j => j.CreatedByName).HasMaxLength(256);
        b.Property(j => j.FileName).HasMaxLength(255);
        b.Property(j => j.FileSha256).HasMaxLength(64).IsUnicode(false);
        b.Property(j => j.Failure).HasMaxLength(2000);
        b.Property(j => j.Version).IsConcurrencyToken();
        b.HasIndex(j => j.Status);
        b.HasIndex(j => j.FileSha256);
    }
}

internal sealed class ImportJobRowConfiguration : IEntityTypeConfiguration<ImportJobRow>
{
    public void Configure(EntityTypeBuilder<ImportJobRow> b)
    {
        b.HasKey(r => new { r.JobId, r.Sheet, r.RowNumber });
        b.Property(r => r.Sheet).HasMaxLength(64);
        b.Property(r => r.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.HasIndex(r => new { r.JobId, r.Status, r.RowNumber });
        // The rows with problems alone, for the status's page of them and the report (both engines read the filter).
        b.HasIndex(r => new { r.JobId, r.RowNumber }).HasDatabaseName("IX_ImportJobRows_Problems").HasFilter("\"Problems\" IS NOT NULL");
        b.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
