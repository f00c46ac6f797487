using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Records temporary (art. 92) or long-term (art. 94) guardianship by civil affairs, with its legal ground; officers only.</summary>
public sealed class RecordGuardianshipMeasure(CaseWork work, ShouhuDbContext db, GuardianshipChecks checks)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, MeasureRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (actor.Role != Domain.Accounts.Roles.CivilAffairsOfficer)
        {
            return Outcome.Forbidden("监护措施由民政部门决定，只有民政干部可以登记");
        }

        if (CaseWork.ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var errors = new ValidationErrors();
        if (!CaseWork.ParseEnum<GuardianshipKind>(body.Kind, out var kind))
        {
            errors.Add("kind", "监护类型应为 Temporary（临时监护）或 LongTerm（长期监护）");
        }

        if (!CaseWork.ParseEnum<GuardianshipGround>(body.Ground, out var ground))
        {
            errors.Add("ground", "法定情形无效");
        }
        else if (kind != default && !GuardianshipMeasure.GroundFits(kind, ground))
        {
            errors.Add("ground", kind == GuardianshipKind.Temporary ? "临时监护的法定情形应为未成年人保护法第九十二条所列情形" : "长期监护的法定情形应为未成年人保护法第九十四条所列情形");
        }

        var placement = Placement.None;
        if (!string.IsNullOrWhiteSpace(body.Placement) && !CaseWork.ParseEnum(body.Placement, out placement))
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
        var ending = errors.IsEmpty ? await checks.NewMeasureChecksAsync(c, kind, placement, start, end, body, errors, ct) : null;
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
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
            RecordedAt = work.Now,
        };
        db.GuardianshipMeasures.Add(measure);
        work.AddEvent(c, actor, CaseEventKind.GuardianshipMeasure,
            $"{CaseworkNames.Of(kind)}：{CaseworkNames.Of(ground)}；{(placement == Placement.None ? string.Empty : CaseworkNames.Of(placement) + "；")}自 {start:yyyy-MM-dd}" + (end is { } x ? $" 至 {x:yyyy-MM-dd}" : string.Empty), measure.Id);
        return await work.SaveAsync(c, actor, ct, measure.Id, touch: false);
    }
}
