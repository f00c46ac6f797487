using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// Sends a referral to an organisation whose service area contains the case's place (its region is the case's region
/// or above it: the county police, the city hospital, the village school), with a reason and a due time in the future.
/// </summary>
public sealed class SendReferral(CaseWork work, ShouhuDbContext db, INotices notices)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, SendReferralRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (CaseWork.ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var errors = new ValidationErrors();
        var org = body.OrganizationId is { } orgId
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Id, o.Name, o.RegionCode }).FirstOrDefaultAsync(ct)
            : null;
        if (org is null)
        {
            errors.Add("organizationId", body.OrganizationId is null ? "须选择接收机构" : "接收机构不存在");
        }
        else if (!CaseAccess.SelfAndAncestors(c.RegionCode).Contains(org.RegionCode))
        {
            errors.Add("organizationId", "该机构的服务区域不包括本案所在地");
        }

        var reason = CaseText.Clean(body.Reason, "reason", 2000, true, errors, "须填写转介事由");
        var shared = CaseText.Clean(body.SharedInformation, "sharedInformation", 4000, false, errors);
        var due = CaseText.Instant(body.DueAt, "dueAt", errors);
        if (due is { } d && d <= work.Now)
        {
            errors.Add("dueAt", "办理期限不能早于现在");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var referral = new Referral
        {
            CaseId = c.Id,
            RegionCode = c.RegionCode,
            OrganizationId = org!.Id,
            Reason = reason!,
            SharedInformation = shared,
            DueAt = due,
            SentBy = actor.Id,
            SentByName = actor.DisplayName,
            SentAt = work.Now,
        };
        db.Referrals.Add(referral);
        work.AddEvent(c, actor, CaseEventKind.ReferralSent,
            $"转介至 {org.Name}：{reason}" + (due is { } x ? $"（期限 {ChinaTime.ToChina(x):yyyy-MM-dd HH:mm}）" : string.Empty), referral.Id);
        notices.Queue(db, await ReceiversAsync(org.Id, ct), Domain.Monitoring.NotificationKind.Referral,
            $"收到转介（案件 {c.CaseNumber}）" + (due is { } d2 ? $"，期限 {ChinaTime.ToChina(d2):yyyy-MM-dd}" : string.Empty), $"/Referrals/Details/{referral.Id}", c.RegionCode);
        return await work.SaveAsync(c, actor, ct, referral.Id, touch: false);
    }

    /// <summary>Organisations a case of <paramref name="regionCode"/> can be referred to: those of its region or above, by name.</summary>
    public async Task<List<(Guid Id, string Name, string Kind)>> TargetsAsync(string regionCode, CancellationToken ct)
    {
        var codes = CaseAccess.SelfAndAncestors(regionCode);
        var rows = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.RegionCode)).OrderBy(o => o.Name).Take(500)
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        return rows.Select(o => (o.Id, o.Name, Domain.Accounts.Organization.KindName(o.Kind))).ToList();
    }

    /// <summary>The accounts that receive referrals for <paramref name="organizationId"/>: approved, in a role that handles referrals.</summary>
    private Task<List<string>> ReceiversAsync(Guid organizationId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId && u.IsApproved && Domain.Accounts.Roles.ReferralReceivers.Contains(u.Role)).Select(u => u.Id).ToListAsync(ct);
}
