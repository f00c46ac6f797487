using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Assessments;

/// <summary>Body of <c>POST /api/v1/children/{id}/assessments</c> (API-CONTRACT.md).</summary>
public sealed record AssessmentRequest(Dictionary<string, string>? Answers, bool? EmergencyOverride, string? Note);

/// <summary>Answer: <c>{id, score, level, instrumentVersion}</c> and when the next assessment falls due.</summary>
public sealed record AssessmentResponse(Guid Id, int Score, string Level, int InstrumentVersion, bool EmergencyOverride, DateOnly NextDueOn, DateTimeOffset AssessedAt, string AssessedByName,
    IReadOnlyList<string>? RequiredServices = null, string? InterveningLevel = null, int? VisitEveryDays = null);

/// <summary>
/// Records a guardianship risk assessment (DESIGN C6) with the current instrument of the child's city: every question answered (else 400
/// naming it) unless the emergency override makes it high. A change of level is written to the timeline of the child's
/// open cases, whose risk level follows.
/// </summary>
public sealed class AssessChild(ShouhuDbContext db, Instruments instruments, MonitoringSchedule schedule, ChildFileChanges fileChanges, TimeProvider clock)
{
    /// <summary>Roles that assess: officers, supervisors, directors (DOMAIN.md §4).</summary>
    public static readonly IReadOnlyList<string> Assessors = [Domain.Accounts.Roles.CivilAffairsOfficer, Domain.Accounts.Roles.ChildSupervisor, Domain.Accounts.Roles.ChildDirector];

    /// <summary>Assesses; the assessment as saved, or the refusal (<see cref="Outcome{T}"/>).</summary>
    public async Task<Outcome<AssessmentResponse>> RunAsync(Guid childId, AssessmentRequest body, Actor actor, CancellationToken ct)
    {
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new { c.Id, c.RegionCode, c.BirthDate }).FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return Outcome.NotFound;
        }

        if (!Assessors.Contains(actor.Role))
        {
            return Outcome.Forbidden("只有民政干部、督导员或儿童主任可以进行监护风险评估");
        }

        var (instrument, definition) = await instruments.CurrentAsync(child.RegionCode, ct); // the child's city's instrument
        var emergency = body.EmergencyOverride == true;
        // The age question is answered from the register's birth date (issue #10 item 16): the register knows the age, so
        // the answer is the band it falls in, whatever was posted (the page does not ask it).
        var answers = new Dictionary<string, string>(body.Answers ?? [], StringComparer.Ordinal);
        if (RiskScoring.AgeAnswer(definition, Domain.Time.ChinaTime.AgeOn(child.BirthDate, Domain.Time.ChinaTime.Today(clock))) is { } fits)
        {
            answers[RiskScoring.AgeQuestion] = fits.Code;
        }

        body = body with { Answers = answers };
        var result = RiskScoring.Score(definition, answers, emergency);

        var note = CaseText.Clean(body.Note, "note", 2000, emergency, result.Errors, "紧急情况直接评为高风险时须说明情况");
        if (!result.Errors.IsEmpty)
        {
            return Outcome.Invalid(result.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await db.RiskAssessments.AsNoTracking().Where(a => a.ChildId == childId).OrderByDescending(a => a.AssessedAt).Select(a => (RiskLevel?)a.Level).FirstOrDefaultAsync(ct);
        var assessment = new RiskAssessment
        {
            ChildId = childId,
            RegionCode = child.RegionCode,
            InstrumentVersion = instrument.Version,
            // Stored as scored: option codes without surrounding spaces, unanswered questions (emergency) left out.
            AnswersJson = JsonSerializer.Serialize((body.Answers ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim(), StringComparer.Ordinal)),
            Score = result.Score,
            Level = result.Level,
            EmergencyOverride = emergency,
            Note = note,
            NextDueOn = ChinaTime.DateOf(new DateTimeOffset(now)).AddDays(schedule.ReassessDays(result.Level)),
            AssessedBy = actor.Id,
            AssessedByName = actor.DisplayName,
            AssessedAt = now,
        };
        db.RiskAssessments.Add(assessment);
        if (previous != result.Level)
        {
            // The level is part of every open case of the child: its timeline records the change.
            foreach (var c in await db.Cases.Where(c => c.ChildId == childId && c.Status != CaseStatus.Closed).ToListAsync(ct))
            {
                db.CaseEvents.Add(CaseTimeline.Event(c, actor, CaseEventKind.RiskChanged,
                    $"监护风险评估：{CaseworkNames.Of(previous ?? RiskLevel.Unknown)} → {CaseworkNames.Of(result.Level)}（{(emergency ? "紧急情况直接评为高风险" : $"{result.Score} 分，量表第{instrument.Version}版")}）", assessment.Id, now));
                c.RiskLevel = result.Level;
                c.UpdatedAt = now;
                c.UpdatedByName = actor.DisplayName;
            }
        }

        await db.SaveChangesAsync(ct);
        // The new level sets the visit interval at once: a child assessed high is visited weekly from its last visit.
        await fileChanges.ScheduleChangedAsync(db, childId, ct); // then e.g. high risk without a case, at once
        return Outcome.Done(ToResponse(assessment) with
        {
            RequiredServices = schedule.ServicesFor(result.Level).Select(s => s.ToString()).ToList(),
            InterveningLevel = MonitoringSchedule.InterveningLevel(result.Level),
            // The interval the child's schedule now has (level and categories), or the level's when no schedule applies.
            VisitEveryDays = await db.VisitSchedules.AsNoTracking().Where(s => s.ChildId == childId).Select(s => (int?)s.IntervalDays).FirstOrDefaultAsync(ct) ?? schedule.VisitDays(result.Level),
        });
    }

    /// <summary>The API shape.</summary>
    public static AssessmentResponse ToResponse(RiskAssessment a) =>
        new(a.Id, a.Score, CaseTimeline.RiskText(a.Level), a.InstrumentVersion, a.EmergencyOverride, a.NextDueOn, ChinaTime.ToChina(a.AssessedAt), a.AssessedByName);

    /// <summary>A child's assessments, newest first (null when the child is not visible).</summary>
    public async Task<List<AssessmentResponse>?> ListAsync(Guid childId, CancellationToken ct)
    {
        var region = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => c.RegionCode).FirstOrDefaultAsync(ct);
        if (region is null)
        {
            return null;
        }

        db.RecordAudit("View", "Child", childId.ToString(), region, "assessments");
        await db.SaveChangesAsync(ct);

        var rows = await db.RiskAssessments.AsNoTracking().Where(a => a.ChildId == childId).OrderByDescending(a => a.AssessedAt).Take(100).ToListAsync(ct);
        return rows.Select(ToResponse).ToList();
    }
}
