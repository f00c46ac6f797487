using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shouhu.Domain.Children;

namespace Shouhu.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.Case>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.Case> b)
    {
        b.Property(c => c.CaseNumber).HasMaxLength(20).IsUnicode(false);
        b.HasIndex(c => c.CaseNumber).IsUnique();
        b.Property(c => c.CityCode).HasMaxLength(4).IsUnicode(false);
        // One number per city and year: the unique index settles two openings at the same moment (the loser retries).
        b.HasIndex(c => new { c.CityCode, c.Year, c.Sequence }).IsUnique();
        b.Property(c => c.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(c => c.AssignedWorkerId).HasMaxLength(64);
        b.Property(c => c.AssignedWorkerName).HasMaxLength(256);
        b.Property(c => c.SupervisorId).HasMaxLength(64);
        b.Property(c => c.SupervisorName).HasMaxLength(256);
        b.Property(c => c.PendingWorkerId).HasMaxLength(64);
        b.Property(c => c.PendingWorkerName).HasMaxLength(256);
        b.Property(c => c.PendingRegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(c => c.PendingRegionNote).HasMaxLength(2000);
        b.Property(c => c.PendingRegionRequestedByName).HasMaxLength(256);
        b.Property(c => c.PendingRegionRequestedBy).HasMaxLength(64);
        // The receiving side's list of incoming transfers.
        b.HasIndex(c => c.PendingRegionCode);
        b.Property(c => c.ClosureNote).HasMaxLength(2000);
        b.Property(c => c.ClosingAssessment).HasMaxLength(5000);
        b.Property(c => c.OpenedBy).HasMaxLength(64);
        b.Property(c => c.UpdatedByName).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.RegionCode, c.Status });
        b.HasIndex(c => new { c.AssignedWorkerId, c.Status });
        b.HasIndex(c => c.ChildId);
        b.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.CaseEvent>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.CaseEvent> b)
    {
        b.Property(e => e.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Text).HasMaxLength(6000);
        b.HasIndex(e => new { e.CaseId, e.At });
        b.HasOne<Shouhu.Domain.Casework.Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasePlanConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.CasePlan>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.CasePlan> b)
    {
        b.Property(p => p.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(p => p.Goals).HasMaxLength(5000);
        b.Property(p => p.UpdatedBy).HasMaxLength(64);
        b.HasIndex(p => p.CaseId).IsUnique();
        b.HasOne<Shouhu.Domain.Casework.Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasePlanItemConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.CasePlanItem>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.CasePlanItem> b)
    {
        b.Property(i => i.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(i => i.Description).HasMaxLength(1000);
        b.Property(i => i.Responsible).HasMaxLength(200);
        b.HasIndex(i => i.PlanId);
    }
}

internal sealed class CaseApprovalConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.CaseApproval>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.CaseApproval> b)
    {
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(a => a.Comment).HasMaxLength(2000);
        b.Property(a => a.RequestedBy).HasMaxLength(64);
        b.Property(a => a.DecidedBy).HasMaxLength(64);
        b.Property(a => a.DecidedByName).HasMaxLength(256);
        b.HasIndex(a => a.CaseId);
        b.HasOne<Shouhu.Domain.Casework.Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.ServiceRecord>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.ServiceRecord> b)
    {
        b.Property(s => s.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(s => s.Provider).HasMaxLength(200);
        b.Property(s => s.Outcome).HasMaxLength(2000);
        b.Property(s => s.RecordedBy).HasMaxLength(64);
        b.HasIndex(s => s.CaseId);
        b.HasOne<Shouhu.Domain.Casework.Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuardianshipMeasureConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.GuardianshipMeasure>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.GuardianshipMeasure> b)
    {
        b.Property(m => m.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(m => m.Note).HasMaxLength(2000);
        b.Property(m => m.EndNote).HasMaxLength(2000);
        b.Property(m => m.RecordedBy).HasMaxLength(64);
        b.HasIndex(m => m.CaseId);
        b.HasOne<Shouhu.Domain.Casework.Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.Attachment>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.Attachment> b)
    {
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100).IsUnicode(false);
        b.Property(a => a.Sha256).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.UploadedBy).HasMaxLength(64);
        b.Property(a => a.UploadedByName).HasMaxLength(256);
        b.HasIndex(a => a.CaseId);
        b.HasIndex(a => a.ReportId);
        b.HasIndex(a => a.ReferralId);
    }
}
