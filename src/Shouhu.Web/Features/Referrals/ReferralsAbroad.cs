using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>
/// The one deliberate bypass of the jurisdiction filter for referral receivers (ADR-005): when a case moves to another
/// jurisdiction (the child moved), a referral it sent stays with the organisation that received it, which must still be
/// able to progress and complete what it took on. The receiver's access follows the referral, not the case's region —
/// but only for referrals addressed to the caller's organisation, in a role that handles referrals, and only while the
/// referral is open (sent or accepted); once completed or declined it is gone for them. Through this bypass nothing but the
/// referral itself leaves the server — its reason, shared information, replies and the case number it refers to — never
/// the child's register file, which now belongs to another jurisdiction. Every read and write through it is audited
/// with the detail <c>outside-jurisdiction</c>.
/// </summary>
public sealed class ReferralsAbroad(ShouhuDbContext db, DbContextOptions<ShouhuDbContext> options, TimeProvider clock)
{
    /// <summary>The audit detail of a use of the bypass.</summary>
    public const string AuditDetail = "outside-jurisdiction";

    /// <summary>
    /// Open referrals addressed to <paramref name="actor"/>'s organisation whose case now lies outside the actor's
    /// jurisdiction (the ones the ordinary filter hides); empty for an actor who receives no referrals.
    /// </summary>
    public IQueryable<Referral> Open(Actor actor)
    {
        if (actor.OrganizationId is not { } org || !Roles.ReferralReceivers.Contains(actor.Role) || !RegionCode.IsWellFormed(actor.Jurisdiction))
        {
            return db.Referrals.AsNoTracking().Where(_ => false);
        }

        var (low, high) = RegionCode.SubtreeRange(actor.Jurisdiction);
        // Past the jurisdiction filter on purpose (see the type's summary); narrowed at once to the caller's open referrals.
        return db.Beyond<Referral>(JurisdictionBypass.ReferralAbroad)
            .Where(r => r.OrganizationId == org && (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted))
            .Where(r => string.Compare(r.RegionCode, low) < 0 || string.Compare(r.RegionCode, high) > 0);
    }

    /// <summary>The case numbers of <paramref name="caseIds"/> (only the number: what the referral refers to).</summary>
    public Task<Dictionary<Guid, string>> CaseNumbersAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct) =>
        db.Beyond<Case>(JurisdictionBypass.ReferralAbroad).Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);

    /// <summary>
    /// A context for one receiver's action on referral <paramref name="referralId"/> (the referral and the line it adds to
    /// the case's timeline lie outside the caller's jurisdiction), or null when the referral is not one of
    /// <see cref="Open"/>. The caller is the audited actor; the context is the caller's to dispose.
    /// </summary>
    public async Task<ShouhuDbContext?> ContextForAsync(Guid referralId, Actor actor, CancellationToken ct)
    {
        if (!await Open(actor).AnyAsync(r => r.Id == referralId, ct))
        {
            return null;
        }

        return new ShouhuDbContext(options, new FixedCallerContext(new CallerScope(actor.Id, actor.UserName, null, IsSystem: true, db.Caller.ClientAddress)), clock);
    }
}
