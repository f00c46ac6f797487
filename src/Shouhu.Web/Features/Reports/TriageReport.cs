using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>Body of <c>POST /api/v1/reports/{id}/triage</c> (API-CONTRACT.md), plus who takes an opened case.</summary>
/// <param name="Decision"><c>open-case</c>, <c>link-case</c> or <c>close</c>.</param>
/// <param name="CaseId">The open case to link to (<c>link-case</c>).</param>
/// <param name="Reason">Why it is closed (required for <c>close</c>), or a comment.</param>
/// <param name="WorkerId">Worker of an opened case: required for <c>open-case</c> (400 <c>errors.workerId</c> without one).</param>
/// <param name="SupervisorId">Supervisor of an opened case; the triager when empty (if a supervisor or officer).</param>
/// <param name="RiskLevel">Initial risk level of an opened case (<c>high</c>/<c>medium</c>/<c>low</c>): required for <c>open-case</c> (400 <c>errors.riskLevel</c>).</param>
public sealed record TriageRequest(string? Decision, Guid? CaseId = null, string? Reason = null, string? WorkerId = null, string? SupervisorId = null, string? RiskLevel = null);

/// <summary>Answer of a triage: the report's new status and the case it opened or joined.</summary>
public sealed record TriageResponse(Guid Id, string Status, Guid? CaseId, string? CaseNumber);

/// <summary>
/// Triage (研判, DESIGN C3) by a supervisor or officer: open a case (numbered <c>CCCC-YYYY-NNNNN</c> per city and year), link
/// the report to an open case of the same child, or close it with a reason. A report is triaged once; a second triage —
/// even one racing the first — is refused with who decided and when.
/// </summary>
public sealed class TriageReport(ShouhuDbContext db, OpenCase opening, TimeProvider clock, ChildFileChanges fileChanges)
{
    /// <summary>Decides; the decision as saved, or the refusal (<see cref="Outcome{T}"/>).</summary>
    public async Task<Outcome<TriageResponse>> RunAsync(Guid reportId, TriageRequest body, Actor actor, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !ReportAccess.CanRead(report, actor))
        {
            return Outcome.NotFound;
        }

        if (!Roles.CaseSupervisors.Contains(actor.Role))
        {
            return Outcome.Forbidden("只有督导员或民政干部可以研判报告");
        }

        if (report.Status != ReportStatus.AwaitingTriage)
        {
            return Outcome.Refused(AlreadyTriaged(report));
        }

        var errors = new ValidationErrors();
        var decision = body.Decision?.Trim() switch
        {
            "open-case" => TriageDecision.OpenCase,
            "link-case" => TriageDecision.LinkCase,
            "close" => TriageDecision.Close,
            _ => (TriageDecision?)null,
        };
        if (decision is null)
        {
            errors.Add("decision", string.IsNullOrWhiteSpace(body.Decision) ? "请选择研判结果：立案、并入在办案件或不予立案" : "研判结果应为 open-case（立案）、link-case（并案）或 close（不予立案）");
            return Outcome.Invalid(errors);
        }

        var reason = CaseText.Clean(body.Reason, "reason", 2000, decision == TriageDecision.Close, errors, "不予立案须填写理由");
        if (decision != TriageDecision.Close && report.ChildId is { } named && !await db.Children.AnyAsync(c => c.Id == named, ct))
        {
            // The report names a child living outside this triager's jurisdiction: the case belongs where the child lives.
            errors.Add("decision", "报告所涉儿童居住在您的辖区之外，请由包含其居住地的上级研判立案");
            return Outcome.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Case? @case = null;
        switch (decision)
        {
            case TriageDecision.LinkCase:
                @case = body.CaseId is { } caseId ? await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct) : null;
                if (@case is null || !CaseAccess.CanRead(@case, actor))
                {
                    errors.Add("caseId", body.CaseId is null ? "并案须选择案件" : "未找到该案件");
                }
                else if (@case.Status == CaseStatus.Closed)
                {
                    errors.Add("caseId", "该案件已结案，不能并案（可先重新开案）");
                }
                else if (report.ChildId is { } child && @case.ChildId is { } caseChild && child != caseChild)
                {
                    errors.Add("caseId", "该案件不是同一儿童的案件");
                }

                break;
            case TriageDecision.OpenCase:
                @case = await opening.DraftAsync(report, body.WorkerId, body.SupervisorId, body.RiskLevel, actor, now, errors, reason, ct);
                break;
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        report.Decision = decision;
        report.DecisionReason = reason;
        report.TriagedAt = now;
        report.TriagedBy = actor.Id;
        report.TriagedByName = actor.DisplayName;
        report.Status = decision switch
        {
            TriageDecision.OpenCase => ReportStatus.CaseOpened,
            TriageDecision.LinkCase => ReportStatus.LinkedToCase,
            _ => ReportStatus.Closed,
        };
        if (@case is not null)
        {
            report.CaseId = @case.Id;
            if (decision == TriageDecision.LinkCase)
            {
                report.ChildId ??= @case.ChildId;
                if (@case.ChildId is null && report.ChildId is { } reportChild)
                {
                    // The report names the child the case was waiting for: the case moves to the child's village.
                    @case.ChildId = reportChild;
                    var childRegion = await db.Children.AsNoTracking().Where(c => c.Id == reportChild).Select(c => c.RegionCode).FirstOrDefaultAsync(ct) ?? @case.RegionCode;
                    await CaseWork.MoveAsync(db, @case, childRegion, ct);
                }

                @case.UpdatedAt = now;
                @case.UpdatedByName = actor.DisplayName;
                db.CaseEvents.Add(CaseTimeline.Event(@case, actor, CaseEventKind.ReportLinked,
                    $"并入报告（{CaseworkNames.Of(report.Channel)}，{ChinaTime.ToChina(report.ReceivedAt):yyyy-MM-dd HH:mm} 接报）：{report.Narrative}" + (reason is null ? string.Empty : $"。研判意见：{reason}"), report.Id, now));
            }
        }

        if (@case is not null && report.PoliceReportedAt is not null)
        {
            // The police step recorded before triage belongs to the case's story as much as the report does.
            db.CaseEvents.Add(CaseTimeline.Event(@case, actor, CaseEventKind.ReportedToPolice, RecordPoliceReport.TimelineText(report), report.Id, now.AddTicks(2)));
            if (report.PoliceFeedbackAt is not null)
            {
                db.CaseEvents.Add(CaseTimeline.Event(@case, actor, CaseEventKind.PoliceFeedback, RecordPoliceFeedback.TimelineText(report), report.Id, now.AddTicks(3)));
            }
        }

        return await SaveAsync(report, @case, decision.Value, actor, ct);
    }

    // Numbers the new case (OpenCase: max + 1 in its city and year) and saves, under OpenCase.NumberingLock so openings in
    // one process never collide; another process (a second instance) still meets the unique (city, year, sequence) index
    // and the loser takes the next number. A racing triage of the same report fails on its version.
    private async Task<Outcome<TriageResponse>> SaveAsync(Report report, Case? @case, TriageDecision decision, Actor actor, CancellationToken ct)
    {
        if (decision != TriageDecision.OpenCase)
        {
            return await SaveNumberedAsync(report, @case, decision, ct);
        }

        await OpenCase.NumberingLock.WaitAsync(ct);
        try
        {
            return await SaveNumberedAsync(report, @case, decision, ct);
        }
        finally
        {
            OpenCase.NumberingLock.Release();
        }
    }

    private async Task<Outcome<TriageResponse>> SaveNumberedAsync(Report report, Case? @case, TriageDecision decision, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (decision == TriageDecision.OpenCase && @case is not null)
            {
                await opening.NumberAndAnnounceAsync(@case, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                if (report.ChildId is { } triaged)
                {
                    await fileChanges.ChangedAsync(db.Caller, triaged); // a case opened: "high risk without a case" closes
                }

                return Outcome.Done(new TriageResponse(report.Id, ReportQueries.StatusText(report.Status), @case?.Id, @case?.CaseNumber));
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var now = await db.Reports.AsNoTracking().FirstAsync(r => r.Id == report.Id, ct);
                return now.Status == ReportStatus.AwaitingTriage
                    ? Outcome.Conflict("要并入的案件刚被他人修改，请再提交一次") // the case changed, not the report
                    : Outcome.Refused(AlreadyTriaged(now));
            }
            catch (DbUpdateException) when (attempt < 10 && decision == TriageDecision.OpenCase)
            {
                // Case number taken meanwhile: number again — and announce only the number that is finally saved.
                foreach (var e in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is Domain.Monitoring.Notification or Domain.Monitoring.OutboxMessage).ToList())
                {
                    e.State = EntityState.Detached;
                }
            }
        }
    }

    private static string AlreadyTriaged(Report r) =>
        $"该报告已于{(r.TriagedAt is { } t ? ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm") : "—")}由{r.TriagedByName}研判（{CaseworkNames.Of(r.Status)}），不能重复研判";
}
