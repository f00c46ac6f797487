using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Body of <c>POST /api/v1/cases/{id}/guardianship-measures/{measureId}/end</c>.</summary>
/// <param name="EndOn">Last day of the measure (a date, not before its start, not after today).</param>
/// <param name="Reason">API name of <see cref="GuardianshipEndReason"/>.</param>
/// <param name="Note">Note on the end, up to 2,000 characters; required for <c>Other</c>.</param>
public sealed record EndMeasureRequest(string? EndOn, string? Reason, string? Note);

/// <summary>
/// Ending a guardianship measure, and the rules a new one must meet (<see cref="GuardianshipRules"/>): a temporary measure
/// has a placement, measures of one kind for the child do not overlap, returning the child home needs a guardianship
/// assessment of the child recorded during the measure that is not high risk (art. 93), adoption ends long-term
/// guardianship (art. 95). Civil-affairs officers only, as recording a measure.
/// </summary>
public sealed class EndGuardianshipMeasure(CaseWork work, ShouhuDbContext db, GuardianshipChecks checks)
{
    /// <summary>Ends a lasting measure; 404 for a measure not of the case, 409 when it already ended, 400 naming the field.</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Guid measureId, Actor actor, EndMeasureRequest body, CancellationToken ct)
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

        var measure = await db.GuardianshipMeasures.FirstOrDefaultAsync(m => m.Id == measureId && m.CaseId == c.Id, ct);
        if (measure is null)
        {
            return Outcome.NotFound;
        }

        if (measure.EndOn is { } ended)
        {
            return Outcome.Refused($"该监护措施已于 {ended:yyyy-MM-dd} 终止");
        }

        var errors = new ValidationErrors();
        var note = CaseText.Clean(body.Note, "note", 2000, false, errors);
        if (!DateText.TryParse(body.EndOn, out var endOn))
        {
            errors.Add("endOn", "结束日期应为日期，如 2026-11-30");
        }

        var end = errors.For("endOn").Count == 0 ? await checks.EndChecksAsync(c, measure.Kind, measure.StartOn, endOn, body.Reason, note, "reason", "note", errors, ct) : null;
        if (!errors.IsEmpty || end is not { } e)
        {
            return Outcome.Invalid(errors);
        }

        (measure.EndOn, measure.EndReason, measure.EndAssessmentId, measure.EndNote) = (endOn, e.Reason, e.AssessmentId, note);
        work.AddEvent(c, actor, CaseEventKind.GuardianshipEnded,
            $"{CaseworkNames.Of(measure.Kind)}终止：{CaseworkNames.Of(e.Reason)}，{endOn:yyyy-MM-dd}" + (note is null ? string.Empty : $"。{note}"), measure.Id);
        return await work.SaveAsync(c, actor, ct, measure.Id, touch: false);
    }
}

/// <summary>The guardianship rules that need the database (<see cref="GuardianshipRules"/> holds the pure ones): shared by recording and ending a measure.</summary>
public sealed class GuardianshipChecks(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The rules of a new measure beyond its fields: the placement of a temporary one, no overlap with a measure of the same
    /// kind of the same child (any of its cases in the caller's jurisdiction; the case itself while the child is unknown), and
    /// for one recorded as already over, the end rules. Errors go to <paramref name="errors"/>; the end's facts when it ends.
    /// </summary>
    public async Task<(GuardianshipEndReason Reason, Guid? AssessmentId)?> NewMeasureChecksAsync(Case c, GuardianshipKind kind, Placement placement, DateOnly start, DateOnly? end,
        MeasureRequest body, ValidationErrors errors, CancellationToken ct)
    {
        if (GuardianshipRules.PlacementProblem(kind, placement) is { } placementProblem)
        {
            errors.Add("placement", placementProblem);
        }

        var caseIds = c.ChildId is { } child ? db.Cases.Where(x => x.ChildId == child).Select(x => x.Id) : db.Cases.Where(x => x.Id == c.Id).Select(x => x.Id);
        var existing = await db.GuardianshipMeasures.AsNoTracking().Where(m => caseIds.Contains(m.CaseId) && m.Kind == kind)
            .Select(m => new GuardianshipRules.Span(m.Id, m.Kind, m.StartOn, m.EndOn)).ToListAsync(ct);
        if (GuardianshipRules.Overlapping(new GuardianshipRules.Span(Guid.Empty, kind, start, end), existing) is { } met)
        {
            errors.Add("startOn", GuardianshipRules.OverlapMessage(met));
        }

        if (end is not { } endOn)
        {
            if (!string.IsNullOrWhiteSpace(body.EndReason))
            {
                errors.Add("endReason", "未填写结束日期时不能填写终止原因");
            }

            return null;
        }

        var endNote = CaseText.Clean(body.EndNote, "endNote", 2000, false, errors);
        return await EndChecksAsync(c, kind, start, endOn, body.EndReason, endNote, "endReason", "endNote", errors, ct);
    }

    /// <summary>
    /// The end's reason and the assessment it relies on, or null with errors: the date not before the start nor after today,
    /// a reason of the kind, and for a return home the latest guardianship assessment of the child during the measure.
    /// </summary>
    public async Task<(GuardianshipEndReason Reason, Guid? AssessmentId)?> EndChecksAsync(Case c, GuardianshipKind kind, DateOnly start, DateOnly endOn, string? reasonText, string? note,
        string reasonField, string noteField, ValidationErrors errors, CancellationToken ct)
    {
        if (endOn < start)
        {
            errors.Add("endOn", "结束日期不能早于开始日期");
        }
        else if (endOn > ChinaTime.Today(clock))
        {
            errors.Add("endOn", "结束日期不能晚于今天");
        }

        if (!EnumName.TryParse<GuardianshipEndReason>(reasonText, out var reason))
        {
            errors.Add(reasonField, "终止原因应为 ReturnedHome（经评估送返监护人）、Adopted（被依法收养）、BecameLongTerm（转为长期监护）、CameOfAge（年满18周岁）或 Other（其他）");
            return null;
        }

        GuardianshipRules.Assessment? assessment = null;
        if (reason == GuardianshipEndReason.ReturnedHome && c.ChildId is { } child)
        {
            var from = ChinaTime.StartOfDayUtc(start);
            var to = ChinaTime.StartOfDayUtc(endOn.AddDays(1));
            var latest = await db.RiskAssessments.AsNoTracking().Where(a => a.ChildId == child && a.AssessedAt >= from && a.AssessedAt < to)
                .OrderByDescending(a => a.AssessedAt).Select(a => new { a.Id, a.AssessedAt, a.Level, a.EmergencyOverride }).FirstOrDefaultAsync(ct);
            assessment = latest is null ? null
                : new GuardianshipRules.Assessment(latest.Id, ChinaTime.DateOf(ChinaTime.ToChina(latest.AssessedAt)), latest.Level == RiskLevel.High || latest.EmergencyOverride);
        }

        if (GuardianshipRules.EndProblem(kind, reason, assessment, note) is { } problem)
        {
            errors.Add(problem.Field == "note" ? noteField : reasonField, problem.Message);
        }

        return errors.IsEmpty ? (reason, assessment?.Id) : null;
    }
}
