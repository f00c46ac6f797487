using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Alerts;

/// <summary>What one run did: alerts created and closed, alerts open after it, and how long it took.</summary>
public sealed record AlertRunResult(int Created, int Closed, int Open, long ElapsedMs);

/// <summary>
/// The alert engine (预警, DESIGN C6): every rule computes the subjects it holds for now; the engine creates an alert for
/// each new one and closes the open alerts whose rule no longer holds. Idempotent by construction — a second run in a row
/// creates and closes nothing. Runs on a schedule (<see cref="AlertSchedule"/>) over everything, and after events
/// (an assessment, a visit, a triage) for one child only. Rules read across the whole city, so the engine acts as the
/// system, with the account that started it named in the one audit entry of each run. Other features reach it through
/// the shared port <see cref="IChildAlerts"/> (ADR-008).
/// </summary>
public sealed class AlertEngine(DbContextOptions<ShouhuDbContext> options, IVisitSchedules planner, TimeProvider clock, INotices notices, ILogger<AlertEngine> logger, WorkingCalendar calendar, Domain.Children.RegisterSettings settings) : IChildAlerts
{
    private static readonly SemaphoreSlim RunLock = new(1, 1);

    private sealed record Holding(AlertRule Rule, string Key, Guid? ChildId, Guid? CaseId, string Region, string? Assignee, DateTime DueAt, AlertSeverity Severity, string Message);

    /// <summary>
    /// Runs every rule, over everything (<paramref name="childId"/> null) or for one child. One full run at a time in this
    /// process; a child's run does not wait for it (it touches that child's rows only). When another run — a child's, or
    /// another process's — wrote the same alert or schedule first, the unique index refuses the second write and the run
    /// reads again and repeats (twice at most): the result is the same whichever wins. <paramref name="jurisdiction"/>
    /// (an NBS code) limits what the run creates, closes and counts to that subtree — a run asked for by an administrator;
    /// null (the schedule, the runs after events) acts on everything.
    /// </summary>
    public async Task<AlertRunResult> RunAsync(string actorId, string actorName, Guid? childId = null, string? jurisdiction = null, CancellationToken ct = default)
    {
        var full = childId is null;
        if (full)
        {
            await RunLock.WaitAsync(ct);
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await RunOnceAsync(actorId, actorName, childId, jurisdiction, ct);
                }
                catch (Exception e) when (attempt < 3 && IsLostRace(e))
                {
                    await Task.Delay(50 * attempt, ct);
                }
            }
        }
        finally
        {
            if (full)
            {
                RunLock.Release();
            }
        }
    }

    /// <summary>
    /// Runs the rules for one child after a change to its file (an assessment, a visit, a triage, a category, an edit, a
    /// closed case), so the alert appears or clears at once. The change is already saved: the run is not cancelled with the
    /// request, and a failure of it is logged by type and left to the next scheduled run rather than reported as the
    /// change's failure.
    /// </summary>
    public async Task RunForChildAsync(CallerScope caller, Guid childId)
    {
        try
        {
            await RunAsync(caller.ActorId, caller.ActorName, childId, null, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            AlertSchedule.LogChildRunFailed(logger, e.GetType().FullName ?? "unknown");
        }
    }

    /// <inheritdoc/>
    public async Task RunForJurisdictionAsync(CallerScope caller, string jurisdiction)
    {
        try
        {
            await RunAsync(caller.ActorId, caller.ActorName, null, jurisdiction, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            AlertSchedule.LogChildRunFailed(logger, e.GetType().FullName ?? "unknown");
        }
    }

    // Where the inbox entry leads: the child's record (names no one in the link itself), else the alert list.
    private static string AlertLink(Alert a) => a.Rule == AlertRule.PoliceFeedbackOverdue ? $"/Reports/Details/{a.SubjectKey}"
        : a.ChildId is { } child ? $"/Children/Details/{child}" : "/Alerts";

    // A unique index said no: an open alert (rule, subject) or a child's schedule written by a concurrent run.
    private static bool IsLostRace(Exception e)
    {
        var message = (e is DbUpdateException { InnerException: { } inner } ? inner : e).Message;
        return e is DbException or DbUpdateException && (message.Contains("Alerts", StringComparison.Ordinal) || message.Contains("VisitSchedules", StringComparison.Ordinal));
    }

    private async Task<AlertRunResult> RunOnceAsync(string actorId, string actorName, Guid? childId, string? jurisdiction, CancellationToken ct)
    {
        // Rules still read everything (a subject that moved out of the jurisdiction still holds and keeps its alert);
        // only what lies inside the jurisdiction is created, closed, moved and counted.
        bool InScope(string region) => jurisdiction is null || Domain.Regions.RegionCode.IsWithin(region, jurisdiction);
        var watch = Stopwatch.StartNew();
        await using var db = new ShouhuDbContext(options, new FixedCallerContext(new CallerScope(actorId, actorName, null, IsSystem: true, null)), clock);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        // Visit schedules first: a category or level that changed without a visit moves the due date the rule reads.
        await planner.ReconcileAsync(db, childId, ct);
        var holdings = new Dictionary<(AlertRule, string), Holding>();
        await foreach (var h in HoldingsAsync(db, childId, now, today, calendar, settings, ct))
        {
            holdings.TryAdd((h.Rule, h.Key), h);
        }

        var openQuery = db.Alerts.AsNoTracking().Where(a => a.IsOpen);
        if (childId is { } only)
        {
            openQuery = openQuery.Where(a => a.ChildId == only);
        }

        if (jurisdiction is not null)
        {
            // A malformed jurisdiction holds nothing (the empty range of ADR-001).
            var (low, high) = Domain.Regions.RegionCode.IsWellFormed(jurisdiction) ? Domain.Regions.RegionCode.SubtreeRange(jurisdiction) : ("~", "~");
            openQuery = openQuery.Where(a => string.Compare(a.RegionCode, low) >= 0 && string.Compare(a.RegionCode, high) <= 0);
        }

        var open = await openQuery.Select(a => new { a.Id, a.Rule, a.SubjectKey, a.RegionCode, a.CreatedAt }).ToListAsync(ct);
        // A full run reads for seconds while a child's run may change that child's alerts: what a child's run closed or
        // opened after this run began is newer than what this run read, and is left alone.
        var touchedMeanwhile = childId is null
            ? (await db.Alerts.AsNoTracking().Where(a => !a.IsOpen && a.ClosedAt >= now).Select(a => new { a.Rule, a.SubjectKey }).ToListAsync(ct)).Select(a => (a.Rule, a.SubjectKey)).ToHashSet()
            : [];
        var openKeys = open.Select(a => (a.Rule, a.SubjectKey)).ToHashSet();
        var toClose = open.Where(a => !holdings.ContainsKey((a.Rule, a.SubjectKey)) && (childId is not null || a.CreatedAt < now)).Select(a => a.Id).ToList();
        var toCreate = holdings.Values.Where(h => InScope(h.Region) && !openKeys.Contains((h.Rule, h.Key)) && !touchedMeanwhile.Contains((h.Rule, h.Key))).Select(h => new Alert
        {
            Rule = h.Rule,
            SubjectKey = h.Key,
            Severity = h.Severity,
            ChildId = h.ChildId,
            CaseId = h.CaseId,
            RegionCode = h.Region,
            AssigneeId = h.Assignee,
            DueAt = h.DueAt,
            Message = h.Message,
            CreatedAt = now,
        }).ToList();

        await BulkInsert.InsertAsync(db, toCreate, ct);
        // An open alert follows its subject's region (a child moved, a report placed elsewhere).
        foreach (var a in open.Where(a => holdings.TryGetValue((a.Rule, a.SubjectKey), out var h) && h.Region != a.RegionCode && InScope(h.Region)))
        {
            var region = holdings[(a.Rule, a.SubjectKey)].Region;
            await db.Alerts.Where(x => x.Id == a.Id).ExecuteUpdateAsync(x => x.SetProperty(y => y.RegionCode, region), ct);
        }

        foreach (var chunk in toClose.Chunk(1000))
        {
            await db.Alerts.Where(a => chunk.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsOpen, false).SetProperty(a => a.ClosedAt, now), ct);
        }

        // Alerts that name who must act reach them in their inbox (and the outbound channel); a high-severity alert that
        // names nobody (high risk without a case, a report past its clock) reaches the supervisors whose jurisdiction
        // holds it — they open cases and triage.
        var unassignedHigh = toCreate.Where(a => a.AssigneeId is null && a.Severity == AlertSeverity.High).ToList();
        var responsible = unassignedHigh.Count == 0 ? [] : await db.Users.AsNoTracking()
            .Where(u => (u.Role == Domain.Accounts.Roles.ChildSupervisor || u.Role == Domain.Accounts.Roles.CivilAffairsOfficer) && u.IsApproved && u.JurisdictionCode != null)
            .Select(u => new { u.Id, u.Role, u.JurisdictionCode }).ToListAsync(ct);
        foreach (var a in toCreate)
        {
            // Supervisors whose jurisdiction holds the subject; where none does (a report placed at county level, a township
            // without a supervisor), the civil-affairs officers whose jurisdiction holds it.
            var holders = responsible.Where(s => Domain.Regions.RegionCode.IsWithin(a.RegionCode, s.JurisdictionCode)).ToList();
            var supervisors = holders.Where(s => s.Role == Domain.Accounts.Roles.ChildSupervisor).ToList();
            var recipients = a.AssigneeId is { } assignee ? [assignee]
                : a.Severity == AlertSeverity.High ? (supervisors.Count > 0 ? supervisors : holders).Select(s => s.Id).ToList()
                : [];
            notices.Queue(db, recipients, NotificationKind.Alert, a.Message, a.CaseId is { } cid ? $"/Cases/Details/{cid}" : AlertLink(a), a.RegionCode, OutboundText.ForAlert(a.Rule));
        }

        db.ChangeTracker.DetectChanges();
        var openAfter = open.Count - toClose.Count + toCreate.Count;
        db.RecordAudit("Run", "Alert", childId?.ToString(), jurisdiction ?? string.Empty, $"created={toCreate.Count};closed={toClose.Count};open={openAfter}");
        await db.SaveChangesAsync(ct);
        return new AlertRunResult(toCreate.Count, toClose.Count, openAfter, watch.ElapsedMilliseconds);
    }

    private static async IAsyncEnumerable<Holding> HoldingsAsync(ShouhuDbContext db, Guid? only, DateTime now, DateOnly today, WorkingCalendar calendar, Domain.Children.RegisterSettings settings, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var endOfToday = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        DateTime Utc(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
        IQueryable<ChildCategory> Active()
        {
            var q = db.ChildCategories.AsNoTracking().Where(ChildCategory.ActiveOn(today));
            return only is { } id ? q.Where(k => k.ChildId == id) : q;
        }

        IQueryable<Child> Children() => only is { } id ? db.Children.AsNoTracking().Where(c => c.Id == id) : db.Children.AsNoTracking();
        var active = Active(); // a query used inside other queries: EF inlines it as a subquery

        // Visits: children under protection whose next visit (VisitSchedule, just reconciled) is past.
        var overdue = VisitDuty.Monitored(db.VisitSchedules.AsNoTracking().Where(s => s.NextDueOn < today), db, today);
        if (only is { } vc)
        {
            overdue = overdue.Where(s => s.ChildId == vc);
        }

        await foreach (var s in overdue.Select(s => new { s.ChildId, s.RegionCode, s.NextDueOn }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new(AlertRule.VisitOverdue, s.ChildId.ToString(), s.ChildId, null, s.RegionCode, null, Utc(s.NextDueOn), AlertSeverity.Medium, $"走访逾期：应于 {s.NextDueOn:yyyy-MM-dd} 前走访");
        }

        // Latest assessment per child: re-assessment overdue (children under protection); high risk without an open case
        // (any child not yet 18 — high risk needs a case whatever the category).
        var minor = ChinaTime.LatestBirthDateForAge(18, today);
        var latest = db.RiskAssessments.AsNoTracking().Where(a => !db.RiskAssessments.Any(b => b.ChildId == a.ChildId && b.AssessedAt > a.AssessedAt));
        if (only is { } child)
        {
            latest = latest.Where(a => a.ChildId == child);
        }

        var assessed = latest.Select(a => new
        {
            a.ChildId,
            a.RegionCode,
            a.Level,
            a.NextDueOn,
            HasCase = db.Cases.Any(c => c.ChildId == a.ChildId && c.Status != CaseStatus.Closed),
            Protected = active.Any(k => k.ChildId == a.ChildId),
            Minor = db.Children.Any(c => c.Id == a.ChildId && c.BirthDate > minor),
        });
        await foreach (var a in assessed.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (a.NextDueOn < today && a.Protected)
            {
                yield return new(AlertRule.ReassessmentOverdue, a.ChildId.ToString(), a.ChildId, null, a.RegionCode, null, Utc(a.NextDueOn), AlertSeverity.Medium, $"复评逾期：应于 {a.NextDueOn:yyyy-MM-dd} 前重新评估");
            }

            if (a.Level == RiskLevel.High && !a.HasCase && a.Minor)
            {
                yield return new(AlertRule.HighRiskWithoutCase, a.ChildId.ToString(), a.ChildId, null, a.RegionCode, null, endOfToday, AlertSeverity.High, "监护风险评估为高风险，尚无在办案件：请立案");
            }
        }

        // Reports past their response clock.
        var reports = db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.AwaitingTriage && r.ResponseDueAt < now);
        if (only is { } rc)
        {
            reports = reports.Where(r => r.ChildId == rc);
        }

        await foreach (var r in reports.Select(r => new { r.Id, r.ChildId, r.RegionCode, r.ResponseDueAt, r.Urgency }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new(AlertRule.ReportClockPassed, r.Id.ToString(), r.ChildId, null, r.RegionCode, null, r.ResponseDueAt,
                r.Urgency == Urgency.ImmediateDanger ? AlertSeverity.High : AlertSeverity.Medium, "报告已超过研判时限：请立即研判");
        }

        // Referrals past their due time unfinished: the case's supervisor must act.
        var referrals = db.Referrals.AsNoTracking().Where(r => (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted) && r.DueAt != null && r.DueAt < now)
            .Join(db.Cases.AsNoTracking(), r => r.CaseId, c => c.Id, (r, c) => new { r.Id, r.CaseId, c.ChildId, r.RegionCode, r.DueAt, Assignee = c.SupervisorId ?? c.AssignedWorkerId });
        if (only is { } fc)
        {
            referrals = referrals.Where(r => r.ChildId == fc);
        }

        await foreach (var r in referrals.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new(AlertRule.ReferralOverdue, r.Id.ToString(), r.ChildId, r.CaseId, r.RegionCode, r.Assignee, r.DueAt!.Value, AlertSeverity.Medium, "转介已逾期未办结：请督促接收机构");
        }

        // Mandatory reports reported to the police without feedback within the 3 days: whoever recorded the report chases it.
        var police = db.Reports.AsNoTracking().Where(r => r.PoliceReportedAt != null && r.PoliceFeedbackAt == null && r.PoliceFeedbackDueAt != null && r.PoliceFeedbackDueAt < now);
        if (only is { } policeChild)
        {
            police = police.Where(r => r.ChildId == policeChild);
        }

        await foreach (var r in police.Select(r => new { r.Id, r.ChildId, r.RegionCode, r.RecordedBy, r.PoliceFeedbackDueAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new(AlertRule.PoliceFeedbackOverdue, r.Id.ToString(), r.ChildId, null, r.RegionCode, r.RecordedBy.Length > 0 ? r.RecordedBy : null, r.PoliceFeedbackDueAt!.Value,
                AlertSeverity.Medium, "强制报告已报警超过3日，公安机关尚未反馈：请向公安机关了解进展并登记反馈");
        }

        // Ages that end a category: left-behind at 16, every category at 18, reached the day after the birthday (ADR-009);
        // the windows ahead are Registry:Alerts:LeftBehindWarningDays (30) and AdultWarningDays (60).
        var sixteenFrom = ChinaTime.LatestBirthDateForAge(16, today);
        var sixteenTo = ChinaTime.LatestBirthDateForAge(16, today.AddDays(settings.LeftBehindWarningDays));
        // An exited category still counts to the end of its month (exit from the month after), but it needs no exit alert.
        var leftBehind = Active().Where(k => k.Category == ProtectionCategory.LeftBehind && k.Status != CategoryStatus.Exited)
            .Join(Children(), k => k.ChildId, c => c.Id, (k, c) => new { c.Id, c.RegionCode, c.BirthDate })
            .Where(c => c.BirthDate > sixteenFrom && c.BirthDate <= sixteenTo).Distinct();
        await foreach (var c in leftBehind.AsAsyncEnumerable().WithCancellation(ct))
        {
            var day = ChinaTime.ReachesAge(c.BirthDate, 16);
            yield return new(AlertRule.LeftBehindTurning16, c.Id.ToString(), c.Id, null, c.RegionCode, null, Utc(day), AlertSeverity.Low, "即将满16周岁，留守儿童身份终止：请核查后续关爱");
        }

        var adultFrom = ChinaTime.LatestBirthDateForAge(18, today);
        var adultTo = ChinaTime.LatestBirthDateForAge(18, today.AddDays(settings.AdultWarningDays));
        var adults = Children().Where(c => c.BirthDate > adultFrom && c.BirthDate <= adultTo && active.Any(k => k.ChildId == c.Id && k.Status != CategoryStatus.Exited))
            .Select(c => new { c.Id, c.RegionCode, c.BirthDate });
        await foreach (var c in adults.AsAsyncEnumerable().WithCancellation(ct))
        {
            var day = ChinaTime.ReachesAge(c.BirthDate, 18);
            yield return new(AlertRule.Turning18, c.Id.ToString(), c.Id, null, c.RegionCode, null, Utc(day), AlertSeverity.Low, "即将满18周岁，保护类别终止：请办理退出或衔接");
        }

        // Left-behind children without an entrusted caregiver (Minor Protection Law arts. 22–23).
        var uncared = Active().Where(k => k.Category == ProtectionCategory.LeftBehind && !db.EntrustedCares.Any(e => e.ChildId == k.ChildId))
            .Select(k => new { k.ChildId, k.RegionCode }).Distinct();
        await foreach (var c in uncared.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new(AlertRule.EntrustedCaregiverMissing, c.ChildId.ToString(), c.ChildId, null, c.RegionCode, null, endOfToday, AlertSeverity.Medium, "留守儿童未落实委托照护人：请指导监护人签订委托照护协议");
        }

        // Categories waiting more than 15 working days at one level of the verification chain (VerificationLimit).
        var limit = VerificationLimit.OverdueCutoff(now, calendar);
        var pending = db.ChildCategories.AsNoTracking()
            .Where(k => (k.Status == CategoryStatus.Pending && k.SubmittedAt < limit) || (k.Status == CategoryStatus.TownshipVerified && k.TownshipVerifiedAt < limit))
            .Where(k => k.ValidTo == null || k.ValidTo >= today); // a category that has ended (the child grew out of it) needs no verification
        if (only is { } pc)
        {
            pending = pending.Where(k => k.ChildId == pc);
        }

        await foreach (var k in pending.Select(k => new { k.Id, k.ChildId, k.RegionCode, k.Status, k.SubmittedAt, k.TownshipVerifiedAt }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var since = (k.Status == CategoryStatus.Pending ? k.SubmittedAt : k.TownshipVerifiedAt)!.Value;
            yield return new(AlertRule.VerificationPending, k.Id.ToString(), k.ChildId, null, k.RegionCode, null, VerificationLimit.DueAt(since, calendar), AlertSeverity.Low,
                k.Status == CategoryStatus.Pending ? "保护类别待乡镇查验已超过15个工作日" : "保护类别待县级确认已超过15个工作日");
        }

        // ID number and birth date that disagree (GB 11643-1999: characters 7–14 are the birth date).
        var numbered = Children().Where(c => c.CitizenIdNumber != null).Select(c => new { c.Id, c.RegionCode, c.CitizenIdNumber, c.BirthDate });
        await foreach (var c in numbered.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (c.CitizenIdNumber!.Length == 18 && !c.CitizenIdNumber.AsSpan(6, 8).SequenceEqual(c.BirthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)))
            {
                yield return new(AlertRule.IdBirthDateMismatch, c.Id.ToString(), c.Id, null, c.RegionCode, null, endOfToday, AlertSeverity.Medium, "身份证号与出生日期不一致：请核对户口簿后更正");
            }
        }
    }
}
