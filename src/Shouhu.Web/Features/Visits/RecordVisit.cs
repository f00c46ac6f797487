using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Features.Reports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>The child's situation on a visit: each aspect <c>good</c>, <c>concern</c> or <c>serious</c>, and a note.</summary>
public sealed record VisitSituation(string? Safety, string? Health, string? Schooling, string? DailyCare, string? Note);

/// <summary>A new concern found on the visit, reported in the same step (a report of channel HomeVisit).</summary>
public sealed record VisitConcern(IReadOnlyList<string>? ConcernTypes, string? Urgency, string? Narrative);

/// <summary>Body of <c>POST /api/v1/children/{id}/visits</c> (API-CONTRACT.md).</summary>
public sealed record VisitRequest(string? VisitedAt, IReadOnlyList<string>? MetPersons, bool? GuardianPresent, VisitSituation? Situation = null, string? Needs = null, string? FollowUp = null, VisitConcern? Report = null);

/// <summary>Answer: <c>{id, nextDueAt}</c>, and the report started, if any.</summary>
public sealed record VisitResponse(Guid Id, DateOnly NextDueAt, Guid? ReportId, DateTimeOffset VisitedAt, string VisitedByName, IReadOnlyList<string> MetPersons, bool GuardianPresent,
    string Safety, string Health, string Schooling, string DailyCare, string? SituationNote, string? Needs, string? FollowUp);

/// <summary>
/// Records a home visit (走访, DESIGN C6): not in the future, who was met, the situation; the next visit falls due after
/// the interval of the child's current risk level (<see cref="MonitoringSchedule"/>). A visit that finds a new concern
/// starts a report in the same step — the report first (it must never be lost), then the visit pointing to it.
/// </summary>
public sealed class RecordVisit(ShouhuDbContext db, RecordReport reports, MonitoringSchedule schedule, ChildFileChanges fileChanges, TimeProvider clock)
{
    /// <summary>Roles that visit: directors, supervisors, officers (DOMAIN.md §4).</summary>
    public static readonly IReadOnlyList<string> Visitors = [Domain.Accounts.Roles.CivilAffairsOfficer, Domain.Accounts.Roles.ChildSupervisor, Domain.Accounts.Roles.ChildDirector];

    /// <summary>
    /// How far back a visit may be recorded (days): late entry of a paper record is common, a wrong year is not — one
    /// mistyped year would otherwise put the child at the top of the overdue list for years [U].
    /// </summary>
    public const int MaxBackdateDays = 90;

    /// <summary>Records; the visit as saved, or the refusal (<see cref="Outcome{T}"/>).</summary>
    public async Task<Outcome<VisitResponse>> RunAsync(Guid childId, VisitRequest body, Actor actor, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new { c.Id, c.RegionCode, c.BirthDate }).FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return Outcome.NotFound;
        }

        if (!Visitors.Contains(actor.Role))
        {
            return Outcome.Forbidden("只有儿童主任、督导员或民政干部可以登记走访");
        }

        var errors = new ValidationErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        var visitedAt = CaseText.Instant(body.VisitedAt, "visitedAt", errors, bareDateIsEndOfDay: false);
        if (visitedAt is null && errors.For("visitedAt").Count == 0)
        {
            errors.Add("visitedAt", "请填写走访时间");
        }
        else if (visitedAt > now + RecordReport.FutureTolerance)
        {
            errors.Add("visitedAt", "走访时间不能晚于现在");
        }
        else if (visitedAt is { } at && ChinaTime.DateOf(new DateTimeOffset(at)) < child.BirthDate)
        {
            errors.Add("visitedAt", "走访时间早于儿童出生日期，请核对年份");
        }
        else if (visitedAt < now.AddDays(-MaxBackdateDays))
        {
            errors.Add("visitedAt", $"只能补录{MaxBackdateDays}天内的走访，请核对年份");
        }

        var met = new List<string>();
        foreach (var (person, i) in (body.MetPersons ?? []).Select((p, i) => (p, i)))
        {
            if (CaseText.Clean(person, $"metPersons[{i}]", 50, false, errors) is { } p)
            {
                met.Add(p);
            }
        }

        if (met.Count == 0 && errors.For("metPersons").Count == 0)
        {
            errors.Add("metPersons", "请填写见到了谁（如：儿童本人、祖母）");
        }
        else if (met.Count > 10)
        {
            errors.Add("metPersons", "最多填写10人");
        }

        if (body.GuardianPresent is null)
        {
            errors.Add("guardianPresent", "请说明监护人是否在场");
        }

        var s = body.Situation;
        var safety = Rating(s?.Safety, "situation.safety", errors);
        var health = Rating(s?.Health, "situation.health", errors);
        var schooling = Rating(s?.Schooling, "situation.schooling", errors);
        var care = Rating(s?.DailyCare, "situation.dailyCare", errors);
        var note = CaseText.Clean(s?.Note, "situation.note", 4000, false, errors);
        var needs = CaseText.Clean(body.Needs, "needs", 2000, false, errors);
        var followUp = CaseText.Clean(body.FollowUp, "followUp", 2000, false, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        Guid? reportId = null;
        if (body.Report is { } concern)
        {
            // The visitor is the reporter (named, never anonymous: the report comes from the visit of a known worker).
            var reporter = new ReporterInput(false, actor.DisplayName, null, Domain.Accounts.Roles.ChineseName(actor.Role), null);
            var recorded = await reports.RunAsync(new ReportInput(nameof(ReportChannel.HomeVisit), body.VisitedAt, concern.ConcernTypes, concern.Urgency, concern.Narrative, childId, Reporter: reporter), actor, ct);
            if (recorded.Value is not { } report)
            {
                var prefixed = new ValidationErrors();
                foreach (var (field, messages) in recorded.Errors.ToDictionary())
                {
                    foreach (var m in messages)
                    {
                        prefixed.Add($"report.{field}", m);
                    }
                }

                return Outcome.Invalid(prefixed);
            }

            reportId = report.Id;
        }

        var today = ChinaTime.Today(clock);
        var categories = await db.ChildCategories.AsNoTracking().Where(k => k.ChildId == childId).Where(ChildCategory.ActiveOn(today)).Select(k => k.Category).ToListAsync(ct);
        var level = await db.RiskAssessments.AsNoTracking().Where(a => a.ChildId == childId).OrderByDescending(a => a.AssessedAt).Select(a => (RiskLevel?)a.Level).FirstOrDefaultAsync(ct) ?? RiskLevel.Unknown;
        var visit = new HomeVisit
        {
            ChildId = childId,
            RegionCode = child.RegionCode,
            VisitedAt = visitedAt!.Value,
            MetPersons = string.Join("、", met),
            GuardianPresent = body.GuardianPresent!.Value,
            Safety = safety,
            Health = health,
            Schooling = schooling,
            DailyCare = care,
            SituationNote = note,
            Needs = needs,
            FollowUp = followUp,
            ReportId = reportId,
            NextDueOn = ChinaTime.DateOf(new DateTimeOffset(visitedAt.Value)).AddDays(schedule.VisitDays(level, categories)),
            VisitedBy = actor.Id,
            VisitedByName = actor.DisplayName,
        };
        db.HomeVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        await fileChanges.ScheduleChangedAsync(db, childId, ct); // the visit-overdue alert closes at once
        // The schedule decides (a visit recorded late does not move it back); the visit keeps what was due when recorded.
        var planned = await VisitDuty.Monitored(db.VisitSchedules.AsNoTracking().Where(s => s.ChildId == childId), db, ChinaTime.Today(clock)).Select(s => (DateOnly?)s.NextDueOn).FirstOrDefaultAsync(ct);
        return Outcome.Done(ToResponse(visit) with { NextDueAt = planned ?? visit.NextDueOn });
    }

    /// <summary>A child's visits, newest first (null when the child is not visible); audited as a view of the child.</summary>
    public async Task<List<VisitResponse>?> ListAsync(Guid childId, CancellationToken ct)
    {
        var region = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => c.RegionCode).FirstOrDefaultAsync(ct);
        if (region is null)
        {
            return null;
        }

        var rows = await db.HomeVisits.AsNoTracking().Where(v => v.ChildId == childId).OrderByDescending(v => v.VisitedAt).Take(100).ToListAsync(ct);
        db.RecordAudit("View", "Child", childId.ToString(), region, "visits");
        await db.SaveChangesAsync(ct);
        return rows.Select(ToResponse).ToList();
    }

    /// <summary>The API shape.</summary>
    public static VisitResponse ToResponse(HomeVisit v) =>
        new(v.Id, v.NextDueOn, v.ReportId, ChinaTime.ToChina(v.VisitedAt), v.VisitedByName, v.MetPersons.Split('、', StringSplitOptions.RemoveEmptyEntries),
            v.GuardianPresent, RatingText(v.Safety), RatingText(v.Health), RatingText(v.Schooling), RatingText(v.DailyCare), v.SituationNote, v.Needs, v.FollowUp);

    /// <summary>API text of a rating.</summary>
    public static string RatingText(SituationRating r) => r switch
    {
        SituationRating.Good => "good",
        SituationRating.Concern => "concern",
        SituationRating.Serious => "serious",
        _ => "unknown",
    };

    private static SituationRating Rating(string? text, string field, ValidationErrors errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "unknown":
                return SituationRating.Unknown;
            case "good":
                return SituationRating.Good;
            case "concern":
                return SituationRating.Concern;
            case "serious":
                return SituationRating.Serious;
            default:
                errors.Add(field, "应为 good（良好）、concern（需关注）或 serious（严重）");
                return SituationRating.Unknown;
        }
    }
}
