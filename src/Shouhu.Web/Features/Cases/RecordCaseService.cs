using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Records a service delivered: type, provider, date (not in the future), duration in minutes, outcome.</summary>
public sealed class RecordCaseService(CaseWork work, ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, ServiceRequest body, CancellationToken ct)
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
        if (!CaseWork.ParseEnum<ServiceType>(body.ServiceType, out var type))
        {
            errors.Add("serviceType", string.IsNullOrWhiteSpace(body.ServiceType) ? "请选择服务类型" : "服务类型无效");
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
            return Outcome.Invalid(errors);
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
            RecordedAt = work.Now,
        };
        db.ServiceRecords.Add(record);
        work.AddEvent(c, actor, CaseEventKind.ServiceRecorded,
            $"服务：{CaseworkNames.Of(type)}，{provider}，{served:yyyy-MM-dd}" + (body.DurationMinutes is { } d ? $"，{d}分钟" : string.Empty) + (outcome is null ? string.Empty : $"。成效：{outcome}"), record.Id);
        return await work.SaveAsync(c, actor, ct, record.Id, touch: false);
    }
}
