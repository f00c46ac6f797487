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
        b.Property(c => c.HouseholdRegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(c => c.SchoolName).HasMaxLength(100);
        b.Property(c => c.Grade).HasMaxLength(20);
        b.Property(c => c.NotInSchoolReason).HasMaxLength(200);
        b.Property(c => c.DisabilityCertificateNumber).HasMaxLength(30);
        b.Property(c => c.ContactPhone).HasMaxLength(20).IsUnicode(false);
        b.Property(c => c.Housing).HasMaxLength(200);
        b.Property(c => c.CareCapacityNote).HasMaxLength(2000);
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

internal sealed class AuditChildConfiguration : IEntityTypeConfiguration<AuditChild>
{
    public void Configure(EntityTypeBuilder<AuditChild> b)
    {
        b.ToTable("AuditChildren");
        b.HasKey(a => new { a.Sequence, a.ChildId });
        // The trail of one child: an index range by child, newest entries found through the sequence.
        b.HasIndex(a => new { a.ChildId, a.Sequence });
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Casework.Report>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Casework.Report> b)
    {
        b.Property(r => r.ConcernTypes).HasMaxLength(400).IsUnicode(false);
        b.Property(r => r.Narrative).HasMaxLength(10000);
        b.Property(r => r.UnidentifiedChildName).HasMaxLength(100);
        b.Property(r => r.UnidentifiedChildDescription).HasMaxLength(1000);
        b.Property(r => r.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(r => r.Location).HasMaxLength(200);
        b.Property(r => r.ReporterName).HasMaxLength(100);
        b.Property(r => r.ReporterPhone).HasMaxLength(20).IsUnicode(false);
        b.Property(r => r.ReporterRelation).HasMaxLength(50);
        b.Property(r => r.ReporterOrganization).HasMaxLength(200);
        b.Property(r => r.DecisionReason).HasMaxLength(2000);
        b.Property(r => r.TriagedBy).HasMaxLength(64);
        b.Property(r => r.TriagedByName).HasMaxLength(256);
        b.Property(r => r.RecordedBy).HasMaxLength(64);
        b.Property(r => r.RecordedByName).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
        // The triage queue: waiting reports of a subtree, earliest clock first.
        b.HasIndex(r => new { r.Status, r.RegionCode, r.ResponseDueAt });
        b.HasIndex(r => r.ChildId);
        b.HasIndex(r => r.CaseId);
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

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
        b.Property(c => c.ConcernTypes).HasMaxLength(400).IsUnicode(false);
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
        b.Property(m => m.RecordedBy).HasMaxLength(64);
        b.HasIndex(m => m.CaseId);
        b.HasOne<Shouhu.Domain.Casework.Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class AssessmentInstrumentConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.AssessmentInstrument>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.AssessmentInstrument> b)
    {
        b.Property(i => i.CityCode).HasMaxLength(4).IsUnicode(false);
        b.HasIndex(i => new { i.CityCode, i.Version }).IsUnique();
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.DefinitionJson).HasMaxLength(200_000);
        b.Property(i => i.CreatedBy).HasMaxLength(64);
    }
}

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.RiskAssessment>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.RiskAssessment> b)
    {
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(a => a.AnswersJson).HasMaxLength(20_000);
        b.Property(a => a.Note).HasMaxLength(2000);
        b.Property(a => a.AssessedBy).HasMaxLength(64);
        b.Property(a => a.AssessedByName).HasMaxLength(256);
        // A child's latest assessment; and "re-assessment due" across a region.
        b.HasIndex(a => new { a.ChildId, a.AssessedAt });
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.Alert>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.Alert> b)
    {
        b.Property(a => a.SubjectKey).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(a => a.AssigneeId).HasMaxLength(64);
        b.Property(a => a.Message).HasMaxLength(500);
        // The engine's reconciliation: the open alerts of a rule, by subject.
        b.HasIndex(a => new { a.IsOpen, a.Rule, a.SubjectKey });
        // At most one open alert per rule and subject, whatever runs at once (another instance, another process): a
        // partial unique index; the in-process lock only spares the collisions.
        b.HasIndex(a => new { a.Rule, a.SubjectKey }).IsUnique().HasFilter("\"IsOpen\"").HasDatabaseName("UX_Alerts_Open_Rule_Subject");
        b.HasIndex(a => new { a.RegionCode, a.IsOpen });
        b.HasIndex(a => a.ChildId);
        b.HasIndex(a => a.CaseId);
    }
}

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

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.Notification>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.Notification> b)
    {
        b.Property(n => n.RecipientId).HasMaxLength(64);
        b.Property(n => n.Text).HasMaxLength(200);
        b.Property(n => n.Link).HasMaxLength(200);
        b.HasIndex(n => new { n.RecipientId, n.ReadAt, n.CreatedAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<Shouhu.Domain.Monitoring.OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Shouhu.Domain.Monitoring.OutboxMessage> b)
    {
        b.Property(m => m.RecipientId).HasMaxLength(64);
        b.Property(m => m.RegionCode).HasMaxLength(12).IsUnicode(false);
        b.Property(m => m.Channel).HasMaxLength(20).IsUnicode(false);
        b.Property(m => m.Text).HasMaxLength(200);
        b.HasIndex(m => new { m.SentAt, m.CreatedAt });
    }
}
