using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Assessments;

/// <summary>A visit as the child's record lists it: when, by whom, who was met, the four ratings, the report it started.</summary>
public sealed record VisitLine(DateTimeOffset VisitedAt, string VisitedByName, string MetPersons, bool GuardianPresent, SituationRating Safety, SituationRating Health,
    SituationRating Schooling, SituationRating DailyCare, string? Needs, Guid? ReportId, string? SituationNote = null, string? FollowUp = null);

/// <summary>An open case of the child (number and status), for the roles that read cases.</summary>
public sealed record OpenCaseLine(Guid Id, string CaseNumber, CaseStatus Status, RiskLevel RiskLevel);

/// <summary>
/// The monitoring part of a child's record (DESIGN C6): the latest risk assessment and when the next one falls due, the
/// visit schedule, the last visits, the open alerts and open cases — what a director or supervisor opening the child
/// from an alert needs to see at once.
/// </summary>
public sealed record ChildMonitoringView(RiskAssessment? Latest, DateOnly? NextVisitDueOn, int? VisitIntervalDays, IReadOnlyList<VisitLine> Visits,
    IReadOnlyList<Alert> OpenAlerts, IReadOnlyList<OpenCaseLine> OpenCases, int ReportsAwaitingTriage, Guid? FirstReportAwaitingTriage = null,
    IReadOnlyList<CaseRiskLine>? HigherCaseRisks = null)
{
    /// <summary>How many questions the latest assessment answered (its <c>AnswersJson</c> object's entries); 0 for none.</summary>
    public int LatestAnswered => Latest is null ? 0 : ChildMonitoring.AnswerCount(Latest.AnswersJson);

    /// <summary>
    /// The level the latest assessment stands for: its level when it answered a question or was the emergency override;
    /// <see cref="RiskLevel.Unknown"/> (未评估) for none, or for one with no answer — a blank form scores 0 and grades 低,
    /// which a caseworker must not read as "low risk".
    /// </summary>
    public RiskLevel LatestLevel => Latest is { } a && (a.EmergencyOverride || LatestAnswered > 0) ? a.Level : RiskLevel.Unknown;
}

/// <summary>
/// A case of the child whose risk level is above the latest assessment's (issue #10: "低 0 分" next to a closed high-risk
/// case): number, level, closed when (China date; null while open). Only for roles that read cases.
/// </summary>
public sealed record CaseRiskLine(Guid Id, string CaseNumber, RiskLevel RiskLevel, DateOnly? ClosedOn);

/// <summary>Reads <see cref="ChildMonitoringView"/> within the caller's jurisdiction (the page's own view of the child is the audit entry).</summary>
public sealed class ChildMonitoring(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>The view of <paramref name="childId"/> for a caller of <paramref name="role"/>.</summary>
    public async Task<ChildMonitoringView> GetAsync(Guid childId, string? role, CancellationToken ct)
    {
        var latest = await db.RiskAssessments.AsNoTracking().Where(a => a.ChildId == childId).OrderByDescending(a => a.AssessedAt).FirstOrDefaultAsync(ct);
        var schedule = await VisitDuty.Monitored(db.VisitSchedules.AsNoTracking().Where(s => s.ChildId == childId), db, ChinaTime.Today(clock)).FirstOrDefaultAsync(ct);
        var visits = await db.HomeVisits.AsNoTracking().Where(v => v.ChildId == childId).OrderByDescending(v => v.VisitedAt).Take(5)
            .Select(v => new { v.VisitedAt, v.VisitedByName, v.MetPersons, v.GuardianPresent, v.Safety, v.Health, v.Schooling, v.DailyCare, v.Needs, v.ReportId, v.SituationNote, v.FollowUp }).ToListAsync(ct);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.ChildId == childId && a.IsOpen).OrderByDescending(a => a.Severity).ThenBy(a => a.DueAt).ToListAsync(ct);
        var readsCases = role is not null && Roles.CaseReaders.Contains(role);
        var cases = readsCases
            ? await db.Cases.AsNoTracking().Where(c => c.ChildId == childId && c.Status != CaseStatus.Closed).OrderByDescending(c => c.OpenedAt)
                .Select(c => new OpenCaseLine(c.Id, c.CaseNumber, c.Status, c.RiskLevel)).ToListAsync(ct)
            : [];
        // A case open, or closed within the last 12 months, that rated the child higher than the latest assessment does.
        var since = clock.GetUtcNow().UtcDateTime.AddMonths(-12);
        var assessed = latest is not null && (latest.EmergencyOverride || AnswerCount(latest.AnswersJson) > 0) ? latest.Level : RiskLevel.Unknown;
        var higher = readsCases
            ? (await db.Cases.AsNoTracking().Where(c => c.ChildId == childId && c.RiskLevel > assessed && (c.ClosedAt == null || c.ClosedAt >= since))
                .OrderByDescending(c => c.RiskLevel).ThenByDescending(c => c.OpenedAt).Take(5).Select(c => new { c.Id, c.CaseNumber, c.RiskLevel, c.ClosedAt }).ToListAsync(ct))
                .Select(c => new CaseRiskLine(c.Id, c.CaseNumber, c.RiskLevel, c.ClosedAt is { } closed ? DateOnly.FromDateTime(ChinaTime.ToChina(closed).DateTime) : null)).ToList()
            : [];
        var waiting = role is not null && Roles.ReportReaders.Contains(role)
            ? await db.Reports.AsNoTracking().Where(r => r.ChildId == childId && r.Status == ReportStatus.AwaitingTriage).OrderBy(r => r.ResponseDueAt).Select(r => r.Id).Take(100).ToListAsync(ct)
            : [];
        return new(latest, schedule?.NextDueOn, schedule?.IntervalDays,
            visits.Select(v => new VisitLine(ChinaTime.ToChina(v.VisitedAt), v.VisitedByName, v.MetPersons, v.GuardianPresent, v.Safety, v.Health, v.Schooling, v.DailyCare, v.Needs, v.ReportId, v.SituationNote, v.FollowUp)).ToList(),
            alerts, cases, waiting.Count, waiting.Count > 0 ? waiting[0] : null, higher);
    }

    /// <summary>How many answers an assessment's <c>AnswersJson</c> (question code → option code) holds; 0 for none or an unreadable one.</summary>
    public static int AnswerCount(string? json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? doc.RootElement.EnumerateObject().Count() : 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return 0;
        }
    }

    /// <summary>Chinese name of a rating.</summary>
    public static string RatingName(SituationRating r) => r switch
    {
        SituationRating.Good => "良好",
        SituationRating.Concern => "需关注",
        SituationRating.Serious => "严重",
        _ => "未了解",
    };
}
