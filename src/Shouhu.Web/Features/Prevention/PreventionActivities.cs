using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Prevention;

/// <summary>Body of <c>POST /api/v1/prevention-activities</c>: topic, title, date held, where, and the children who attended.</summary>
public sealed record PreventionRequest(string? Topic, string? Title, string? HeldOn, string? RegionCode, string? Location, string? Organizer, IReadOnlyList<Guid>? ChildIds);

/// <summary>An activity with the number of children who attended (never their names outside the child's own record).</summary>
public sealed record PreventionResponse(Guid Id, string Topic, string TopicName, string Title, DateOnly HeldOn, string RegionCode, string? Location, string? Organizer, int Attended);

/// <summary>
/// Prevention activities (预防, issue #5 §6): safety-education sessions (防溺水, 防性侵, 防欺凌, family education) held in a
/// region of the caller's jurisdiction, with the children of the jurisdiction who attended — so that a child's record
/// shows what prevention reached them.
/// </summary>
public sealed class PreventionActivities(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>Chinese name of a topic.</summary>
    public static string TopicName(PreventionTopic t) => t switch
    {
        PreventionTopic.DrowningPrevention => "防溺水",
        PreventionTopic.SexualAbusePrevention => "防性侵",
        PreventionTopic.BullyingPrevention => "防欺凌",
        PreventionTopic.FamilyEducation => "家庭教育",
        _ => "其他安全教育",
    };

    /// <summary>How far back an activity may be recorded (days) [U]: a term's sessions entered at its end, not a mistyped year.</summary>
    public const int MaxBackdateDays = 365;

    /// <summary>Records an activity and its attendance in one save; field errors otherwise (nothing saved).</summary>
    public async Task<(PreventionResponse? Activity, ValidationErrors Errors)> RecordAsync(PreventionRequest body, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!EnumName.TryParse<PreventionTopic>(body.Topic, out var topic))
        {
            errors.Add("topic", $"请选择主题（{string.Join("、", Enum.GetValues<PreventionTopic>().Select(TopicName))}）");
        }

        var title = CaseText.Clean(body.Title, "title", 200, true, errors, "请填写活动名称");
        var location = CaseText.Clean(body.Location, "location", 200, false, errors);
        var organizer = CaseText.Clean(body.Organizer, "organizer", 200, false, errors);
        if (!DateText.TryParse(body.HeldOn, out var heldOn))
        {
            errors.Add("heldOn", "活动日期应为日期，如 2026-07-10");
        }
        else if (heldOn > ChinaTime.Today(clock))
        {
            errors.Add("heldOn", "活动举办后再登记：日期不能晚于今天");
        }
        else if (heldOn < ChinaTime.Today(clock).AddDays(-MaxBackdateDays))
        {
            errors.Add("heldOn", $"只能补录{MaxBackdateDays}天内举办的活动，请核对年份");
        }

        var region = body.RegionCode?.Trim();
        if (!Domain.Regions.RegionCode.IsWellFormed(region) || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            errors.Add("regionCode", "请选择活动所在的区划");
        }
        else if (!db.Caller.CanSee(region))
        {
            errors.Add("regionCode", "活动地点不在您的辖区之内");
        }

        var ids = (body.ChildIds ?? []).Distinct().ToList();
        if (ids.Count > 2000)
        {
            errors.Add("childIds", "一次最多登记2000名儿童");
        }

        var children = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.RegionCode }).ToListAsync(ct);
        if (children.Count != ids.Count)
        {
            errors.Add("childIds", $"有 {ids.Count - children.Count} 名儿童不在您的辖区或不存在");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var activity = new PreventionActivity
        {
            Topic = topic,
            Title = title!,
            HeldOn = heldOn,
            RegionCode = region!,
            Location = location,
            Organizer = organizer,
            CreatedBy = actor.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PreventionActivities.Add(activity);
        db.PreventionAttendances.AddRange(children.Select(c => new PreventionAttendance { ActivityId = activity.Id, ChildId = c.Id, RegionCode = c.RegionCode }));
        await db.SaveChangesAsync(ct);
        return (ToResponse(activity, children.Count), errors);
    }

    /// <summary>
    /// A page (50) of the jurisdiction's activities, newest first, with attendance counts (counted inside the jurisdiction
    /// only), and the total.
    /// </summary>
    public async Task<(List<PreventionResponse> Items, int Total)> ListAsync(int? page, CancellationToken ct)
    {
        var number = Math.Clamp(page ?? 1, 1, 100_000);
        var total = await db.PreventionActivities.CountAsync(ct);
        var rows = await db.PreventionActivities.AsNoTracking().OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.CreatedAt).Skip((number - 1) * 50).Take(50)
            .Select(a => new { a, Attended = db.PreventionAttendances.Count(x => x.ActivityId == a.Id) }).ToListAsync(ct);
        return (rows.Select(r => ToResponse(r.a, r.Attended)).ToList(), total);
    }

    /// <summary>The activities that reached a child (null when the child is not visible); <paramref name="audited"/> records the read (the API's; the child's page audits its View).</summary>
    public async Task<List<PreventionResponse>?> OfChildAsync(Guid childId, CancellationToken ct, bool audited = false)
    {
        if (await db.Children.Where(c => c.Id == childId).Select(c => c.RegionCode).FirstOrDefaultAsync(ct) is not { } region)
        {
            return null;
        }

        if (audited)
        {
            db.RecordAudit("ViewPrevention", "Child", childId.ToString(), region);
            await db.SaveChangesAsync(ct);
        }

        var rows = await db.PreventionAttendances.AsNoTracking().Where(x => x.ChildId == childId)
            .Join(db.Beyond<Shouhu.Domain.Monitoring.PreventionActivity>(JurisdictionBypass.PreventionElsewhere), x => x.ActivityId, a => a.Id, (x, a) => a)
            .OrderByDescending(a => a.HeldOn).ToListAsync(ct);
        // A child who moved keeps what reached it elsewhere; of an activity outside the caller's jurisdiction only the
        // topic and date are shown (its title, place and organiser belong to the other place).
        return rows.Select(a => db.Caller.CanSee(a.RegionCode)
            ? ToResponse(a, 0)
            : new PreventionResponse(a.Id, a.Topic.ToString(), TopicName(a.Topic), "（辖区外的活动）", a.HeldOn, string.Empty, null, null, 0)).ToList();
    }

    private static PreventionResponse ToResponse(PreventionActivity a, int attended) =>
        new(a.Id, a.Topic.ToString(), TopicName(a.Topic), a.Title, a.HeldOn, a.RegionCode, a.Location, a.Organizer, attended);
}
