using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Casework;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>
/// Body of <c>POST /api/v1/reports/{id}/police-report</c>, and <c>policeReport</c> of a new report: the mandatory report's
/// "reported to police" step (强制报告: report to the public security organ at once).
/// </summary>
/// <param name="ReportedAt">When (ISO 8601 with offset, or <c>2026-11-30 21:05</c> China time); not in the future, not before the report was received minus a day.</param>
/// <param name="ReportedBy">Who reported it to the police (the reporting unit's person or the worker), 1–100 characters.</param>
/// <param name="PoliceUnit">The police unit (派出所/公安分局), 1–100 characters.</param>
public sealed record PoliceReportInput(string? ReportedAt, string? ReportedBy, string? PoliceUnit);

/// <summary>
/// Records that a report of one of the nine situations was reported to the police, which starts the police's 3-day clock
/// for feedback to the reporting unit (<see cref="MandatoryReporting.PoliceFeedbackDueAt"/>); on the case's timeline when the
/// report has a case. Once per report (409 after). Triagers and whoever recorded the report (they see the reporter).
/// </summary>
public sealed class RecordPoliceReport(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>Field errors of <paramref name="input"/> (prefix <paramref name="prefix"/>, e.g. <c>policeReport.</c>) for a report received at <paramref name="receivedAtUtc"/>; the values when valid.</summary>
    public static (DateTime At, string By, string Unit)? Validate(PoliceReportInput input, DateTime receivedAtUtc, DateTime nowUtc, string prefix, ValidationErrors errors)
    {
        var at = CaseText.Instant(input.ReportedAt, prefix + "reportedAt", errors, bareDateIsEndOfDay: false);
        if (at is null && errors.For(prefix + "reportedAt").Count == 0)
        {
            errors.Add(prefix + "reportedAt", "请填写报警时间");
        }
        else if (at > nowUtc + RecordReport.FutureTolerance)
        {
            errors.Add(prefix + "reportedAt", "报警时间不能晚于现在");
        }
        else if (at < receivedAtUtc.AddDays(-1))
        {
            errors.Add(prefix + "reportedAt", "报警时间不能早于接报时间一天以上");
        }

        var by = CaseText.Clean(input.ReportedBy, prefix + "reportedBy", 100, true, errors, "请填写报警人");
        var unit = CaseText.Clean(input.PoliceUnit, prefix + "policeUnit", 100, true, errors, "请填写接警的公安机关");
        return at is { } a && by is not null && unit is not null && errors.IsEmpty ? (a, by, unit) : null;
    }

    /// <summary>Puts the step on <paramref name="report"/> (and its 3-day feedback clock).</summary>
    public static void Apply(Report report, (DateTime At, string By, string Unit) step)
    {
        report.PoliceReportedAt = step.At;
        report.PoliceReportedBy = step.By;
        report.PoliceUnit = step.Unit;
        report.PoliceFeedbackDueAt = MandatoryReporting.PoliceFeedbackDueAt(step.At);
    }

    /// <summary>Records the step; 404 outside the jurisdiction or not readable, 403 for a role that does not see the reporter, 409 when already recorded or the report is not about one of the nine situations, 400 naming the field.</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid reportId, PoliceReportInput input, Actor actor, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !ReportAccess.CanRead(report, actor))
        {
            return Outcome.NotFound;
        }

        if (!ReportAccess.SeesReporter(report, actor))
        {
            return Outcome.Forbidden("只有研判人员或登记人可以登记报警情况");
        }

        if (!report.NeedsPolice)
        {
            return Outcome.Refused("该报告不属于强制报告的九类情形，无须登记报警");
        }

        if (report.PoliceReportedAt is { } done)
        {
            return Outcome.Refused($"已于 {Domain.Time.ChinaTime.ToChina(done):yyyy-MM-dd HH:mm} 登记报警（{report.PoliceUnit}）");
        }

        var errors = new ValidationErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        if (Validate(input, report.ReceivedAt, now, string.Empty, errors) is not { } step)
        {
            return Outcome.Invalid(errors);
        }

        Apply(report, step);
        await AddToTimelineAsync(db, report, actor, CaseEventKind.ReportedToPolice, TimelineText(report), now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(report.Id);
    }

    /// <summary>The case timeline's line for a recorded police step: unit, time (China Standard Time), who reported, the feedback deadline.</summary>
    internal static string TimelineText(Report report) =>
        $"已报警：{report.PoliceUnit}，{Domain.Time.ChinaTime.ToChina(report.PoliceReportedAt!.Value):yyyy-MM-dd HH:mm}，报警人 {report.PoliceReportedBy}；公安机关应于 {ReportQueries.DeadlineText(Domain.Time.ChinaTime.ToChina(report.PoliceFeedbackDueAt!.Value))} 前告知进展";

    /// <summary>Adds a step of the report to its case's timeline, when it has a case.</summary>
    internal static async Task AddToTimelineAsync(ShouhuDbContext db, Report report, Actor actor, CaseEventKind kind, string text, DateTime now, CancellationToken ct)
    {
        if (report.CaseId is not { } caseId || await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.RegionCode).FirstOrDefaultAsync(ct) is not { } region)
        {
            return;
        }

        db.CaseEvents.Add(new CaseEvent { CaseId = caseId, RegionCode = region, At = now, Kind = kind, ActorId = actor.Id, ActorName = actor.DisplayName, Text = text, SubjectId = report.Id });
    }
}
