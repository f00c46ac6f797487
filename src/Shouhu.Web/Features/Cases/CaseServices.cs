using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Services (处置), guardianship measures and referrals (转介) of a case (issue #4 §5–6).</summary>
public sealed partial class CaseCommands
{
    /// <summary>Records a service delivered: type, provider, date (not in the future), duration in minutes, outcome.</summary>
    public async Task<CaseOutcome> RecordServiceAsync(Guid id, Actor actor, ServiceRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var errors = new ValidationErrors();
        if (!ParseEnum<ServiceType>(body.ServiceType, out var type))
        {
            errors.Add("serviceType", "服务类型无效");
        }

        var provider = CaseText.Clean(body.Provider, "provider", 200, true, errors, "须填写服务提供方");
        var outcome = CaseText.Clean(body.Outcome, "outcome", 2000, false, errors);
        DateOnly served = default;
        if (!DateText.TryParse(body.ServedOn, out served))
        {
            errors.Add("servedOn", "服务日期应为日期，如 2026-11-30");
        }
        else if (served > ChinaTime.Today(clock))
        {
            errors.Add("servedOn", "服务日期不能晚于今天");
        }

        if (body.DurationMinutes is { } m && m is < 1 or > 100_000)
        {
            errors.Add("durationMinutes", "时长应为 1–100000 分钟");
        }

        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        var record = new ServiceRecord
        {
            CaseId = c.Id,
            RegionCode = c.RegionCode,
            ServiceType = type,
            Provider = provider!,
            ServedOn = served,
            DurationMinutes = body.DurationMinutes,
            Outcome = outcome,
            RecordedBy = actor.Id,
            RecordedAt = Now,
        };
        db.ServiceRecords.Add(record);
        AddEvent(c, actor, CaseEventKind.ServiceRecorded,
            $"服务：{CaseworkNames.Of(type)}，{provider}，{served:yyyy-MM-dd}" + (body.DurationMinutes is { } d ? $"，{d}分钟" : string.Empty) + (outcome is null ? string.Empty : $"。成效：{outcome}"), record.Id);
        return await SaveAsync(c, actor, ct, record.Id, touch: false);
    }

    /// <summary>Records temporary (art. 92) or long-term (art. 94) guardianship by civil affairs, with its legal ground; officers only.</summary>
    public async Task<CaseOutcome> RecordMeasureAsync(Guid id, Actor actor, MeasureRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (actor.Role != Domain.Accounts.Roles.CivilAffairsOfficer)
        {
            return new CaseOutcome(Forbidden: "监护措施由民政部门决定，只有民政干部可以登记");
        }

        if (ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var errors = new ValidationErrors();
        if (!ParseEnum<GuardianshipKind>(body.Kind, out var kind))
        {
            errors.Add("kind", "监护类型应为 Temporary（临时监护）或 LongTerm（长期监护）");
        }

        if (!ParseEnum<GuardianshipGround>(body.Ground, out var ground))
        {
            errors.Add("ground", "法定情形无效");
        }
        else if (kind != default && !GuardianshipMeasure.GroundFits(kind, ground))
        {
            errors.Add("ground", kind == GuardianshipKind.Temporary ? "临时监护的法定情形应为未成年人保护法第九十二条所列情形" : "长期监护的法定情形应为未成年人保护法第九十四条所列情形");
        }

        var placement = Placement.None;
        if (!string.IsNullOrWhiteSpace(body.Placement) && !ParseEnum(body.Placement, out placement))
        {
            errors.Add("placement", "安置方式无效");
        }

        if (!DateText.TryParse(body.StartOn, out var start))
        {
            errors.Add("startOn", "开始日期应为日期");
        }

        DateOnly? end = null;
        if (!string.IsNullOrWhiteSpace(body.EndOn))
        {
            if (!DateText.TryParse(body.EndOn, out var e))
            {
                errors.Add("endOn", "结束日期应为日期");
            }
            else if (e < start)
            {
                errors.Add("endOn", "结束日期不能早于开始日期");
            }
            else
            {
                end = e;
            }
        }

        var note = CaseText.Clean(body.Note, "note", 2000, false, errors);
        var ending = errors.IsEmpty ? await NewMeasureChecksAsync(c, kind, placement, start, end, body, errors, ct) : null;
        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        var measure = new GuardianshipMeasure
        {
            CaseId = c.Id,
            RegionCode = c.RegionCode,
            Kind = kind,
            Ground = ground,
            Placement = placement,
            StartOn = start,
            EndOn = end,
            EndReason = ending?.Reason,
            EndAssessmentId = ending?.AssessmentId,
            EndNote = end is null ? null : CaseText.Clean(body.EndNote, "endNote", 2000, false, errors),
            Note = note,
            RecordedBy = actor.Id,
            RecordedAt = Now,
        };
        db.GuardianshipMeasures.Add(measure);
        AddEvent(c, actor, CaseEventKind.GuardianshipMeasure,
            $"{CaseworkNames.Of(kind)}：{CaseworkNames.Of(ground)}；{(placement == Placement.None ? string.Empty : CaseworkNames.Of(placement) + "；")}自 {start:yyyy-MM-dd}" + (end is { } x ? $" 至 {x:yyyy-MM-dd}" : string.Empty), measure.Id);
        return await SaveAsync(c, actor, ct, measure.Id, touch: false);
    }

    /// <summary>
    /// Sends a referral to an organisation whose service area contains the case's place (its region is the case's region
    /// or above it: the county police, the city hospital, the village school), with a reason and a due time in the future.
    /// </summary>
    public async Task<CaseOutcome> SendReferralAsync(Guid id, Actor actor, SendReferralRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (ClosedRefusal(c) is { } closed)
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
        if (due is { } d && d <= Now)
        {
            errors.Add("dueAt", "办理期限不能早于现在");
        }

        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
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
            SentAt = Now,
        };
        db.Referrals.Add(referral);
        AddEvent(c, actor, CaseEventKind.ReferralSent,
            $"转介至 {org.Name}：{reason}" + (due is { } x ? $"（期限 {ChinaTime.ToChina(x):yyyy-MM-dd HH:mm}）" : string.Empty), referral.Id);
        notifier.Queue(await notifier.ReceiversAsync(org.Id, ct), Domain.Monitoring.NotificationKind.Referral,
            $"收到转介（案件 {c.CaseNumber}）" + (due is { } d2 ? $"，期限 {ChinaTime.ToChina(d2):yyyy-MM-dd}" : string.Empty), $"/Referrals/Details/{referral.Id}", c.RegionCode);
        return await SaveAsync(c, actor, ct, referral.Id, touch: false);
    }

    /// <summary>Organisations a case of <paramref name="regionCode"/> can be referred to: those of its region or above, by name.</summary>
    public async Task<List<(Guid Id, string Name, string Kind)>> ReferralTargetsAsync(string regionCode, CancellationToken ct)
    {
        var codes = CaseAccess.SelfAndAncestors(regionCode);
        var rows = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.RegionCode)).OrderBy(o => o.Name).Take(500)
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        return rows.Select(o => (o.Id, o.Name, Domain.Accounts.Organization.KindName(o.Kind))).ToList();
    }
}
