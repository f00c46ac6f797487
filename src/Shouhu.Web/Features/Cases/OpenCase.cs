using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// Opening a case (立案, DESIGN C3) from a triaged report: who takes it and how dangerous it is (both decisions, never
/// defaults — issue #10), the case number <c>CCCC-YYYY-NNNNN</c> per city and year (<see cref="CaseNumber"/>), and the
/// notice to its worker. Triage (<c>Reports/TriageReport</c>) decides and saves; this is the one place a case is opened.
/// </summary>
public sealed class OpenCase(ShouhuDbContext db, CaseStaff staff, INotices notices)
{
    /// <summary>Held while a new case is numbered and saved, so two openings in one process do not draw the same number.</summary>
    public static SemaphoreSlim NumberingLock { get; } = new(1, 1);

    /// <summary>
    /// A new case for <paramref name="report"/> (not yet numbered or saved), in the village of the child it names (else the
    /// report's region), with its worker, supervisor and initial risk level; null with <paramref name="errors"/> naming
    /// <c>workerId</c>, <c>supervisorId</c> or <c>riskLevel</c> when one is missing or does not fit. Adds the case and its
    /// opening (and assignment) events to the context; <paramref name="comment"/> is the triage's remark.
    /// </summary>
    public async Task<Case?> DraftAsync(Report report, string? workerId, string? supervisorId, string? riskLevel, Actor actor, DateTime now, ValidationErrors errors, string? comment, CancellationToken ct)
    {
        var region = report.RegionCode;
        if (report.ChildId is { } childId)
        {
            region = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => c.RegionCode).FirstOrDefaultAsync(ct) ?? region;
        }

        // Who takes the case and how dangerous it is are decisions, never defaults (issue #10): both are required.
        StaffMember? worker = null, supervisor = null;
        if (string.IsNullOrWhiteSpace(workerId))
        {
            errors.Add("workerId", "立案须选择承办人");
        }
        else
        {
            worker = await staff.FindAsync(workerId, region, Roles.CaseWorkers, ct);
            if (worker is null)
            {
                errors.Add("workerId", "承办人应为辖区包含本案所在地的儿童主任、督导员、社工或民政干部");
            }
        }

        supervisor = await staff.FindAsync(string.IsNullOrWhiteSpace(supervisorId) ? actor.Id : supervisorId, region, Roles.CaseSupervisors, ct);
        if (supervisor is null && !string.IsNullOrWhiteSpace(supervisorId))
        {
            errors.Add("supervisorId", "督导应为辖区包含本案所在地的督导员或民政干部");
        }
        else if (supervisor is not null && worker is not null && supervisor.Id == worker.Id)
        {
            if (string.IsNullOrWhiteSpace(supervisorId))
            {
                supervisor = null; // the triager takes the case on: someone else must supervise (any county officer meanwhile)
            }
            else
            {
                errors.Add("supervisorId", "承办人和督导不能是同一人");
            }
        }

        if (!CaseWork.TryRisk(riskLevel, out var risk) || risk == RiskLevel.Unknown)
        {
            errors.Add("riskLevel", string.IsNullOrWhiteSpace(riskLevel) ? "立案须选择初始风险等级（高、中、低）" : "风险等级应为 high（高）、medium（中）或 low（低）");
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        var c = new Case
        {
            ChildId = report.ChildId,
            RegionCode = region,
            CityCode = CaseNumber.CityOf(region),
            Year = ChinaTime.DateOf(new DateTimeOffset(now)).Year,
            Urgency = report.Urgency,
            RiskLevel = risk,
            AssignedWorkerId = worker?.Id,
            AssignedWorkerName = worker?.DisplayName,
            SupervisorId = supervisor?.Id,
            SupervisorName = supervisor?.DisplayName,
            OpenedAt = now,
            OpenedBy = actor.Id,
            UpdatedAt = now,
            UpdatedByName = actor.DisplayName,
        };
        db.Cases.Add(c);
        db.CaseEvents.Add(CaseTimeline.Event(c, actor, CaseEventKind.Opened,
            $"立案（{CaseworkNames.Of(report.Channel)}报告，{CaseworkNames.Of(report.Urgency)}，{ChinaTime.ToChina(report.ReceivedAt):yyyy-MM-dd HH:mm} 接报）：{report.Narrative}" + (comment is null ? string.Empty : $"。研判意见：{comment}"), report.Id, now));
        if (worker is not null || supervisor is not null)
        {
            db.CaseEvents.Add(CaseTimeline.Event(c, actor, CaseEventKind.Assigned,
                $"分派承办人：{worker?.DisplayName ?? "（待分派）"}；督导：{supervisor?.DisplayName ?? "（未定）"}", null, now.AddTicks(1)));
        }

        return c;
    }

    /// <summary>
    /// Numbers <paramref name="case"/> (max + 1 in its city and year, across jurisdictions: <see cref="JurisdictionBypass.CaseNumbering"/>)
    /// and queues the notice to its worker. Two openings at once collide on the unique (city, year, sequence) index; the
    /// caller numbers again after dropping the queued notices.
    /// </summary>
    public async Task NumberAndAnnounceAsync(Case @case, CancellationToken ct)
    {
        var city = @case.CityCode;
        var year = @case.Year;
        var last = await db.Beyond<Case>(JurisdictionBypass.CaseNumbering).Where(c => c.CityCode == city && c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
        @case.Sequence = last + 1;
        @case.CaseNumber = CaseNumber.Format(city, year, @case.Sequence);
        notices.Queue(db, [@case.AssignedWorkerId], Domain.Monitoring.NotificationKind.Assignment,
            $"新案件 {@case.CaseNumber} 已分派给您（{CaseworkNames.Of(@case.Urgency)}）", $"/Cases/Details/{@case.Id}", @case.RegionCode);
    }
}
