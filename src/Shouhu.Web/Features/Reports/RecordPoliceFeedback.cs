using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Casework;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>Body of <c>POST /api/v1/reports/{id}/police-feedback</c>: when the police told the reporting unit of progress, and what.</summary>
/// <param name="ReceivedAt">When (ISO 8601 with offset, or China time); not in the future, not before the report to the police.</param>
/// <param name="Note">What the police said, 1–2,000 characters.</param>
public sealed record PoliceFeedbackInput(string? ReceivedAt, string? Note);

/// <summary>
/// Records the police's feedback to the reporting unit, which stops the 3-day clock (late feedback is recorded as late:
/// the report keeps its due time). After <see cref="RecordPoliceReport"/>; once (409 after).
/// </summary>
public sealed class RecordPoliceFeedback(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>Records it; answers as <see cref="RecordPoliceReport.RunAsync"/>.</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid reportId, PoliceFeedbackInput input, Actor actor, CancellationToken ct)
    {
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !ReportAccess.CanRead(report, actor))
        {
            return Outcome.NotFound;
        }

        if (!ReportAccess.SeesReporter(report, actor))
        {
            return Outcome.Forbidden("只有研判人员或登记人可以登记公安机关反馈");
        }

        if (report.PoliceReportedAt is not { } reportedAt)
        {
            return Outcome.Refused("尚未登记报警，不能登记公安机关反馈");
        }

        if (report.PoliceFeedbackAt is { } done)
        {
            return Outcome.Refused($"已于 {Domain.Time.ChinaTime.ToChina(done):yyyy-MM-dd HH:mm} 登记公安机关反馈");
        }

        var errors = new ValidationErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        var at = CaseText.Instant(input.ReceivedAt, "receivedAt", errors, bareDateIsEndOfDay: false);
        if (at is null && errors.For("receivedAt").Count == 0)
        {
            errors.Add("receivedAt", "请填写反馈时间");
        }
        else if (at > now + RecordReport.FutureTolerance)
        {
            errors.Add("receivedAt", "反馈时间不能晚于现在");
        }
        else if (at < reportedAt)
        {
            errors.Add("receivedAt", "反馈时间不能早于报警时间");
        }

        var note = CaseText.Clean(input.Note, "note", 2000, true, errors, "请填写反馈内容");
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        report.PoliceFeedbackAt = at;
        report.PoliceFeedbackNote = note;
        await RecordPoliceReport.AddToTimelineAsync(db, report, actor, CaseEventKind.PoliceFeedback, TimelineText(report), now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(report.Id);
    }

    /// <summary>The case timeline's line for the police's recorded feedback, marked when it came after the 3-day limit.</summary>
    internal static string TimelineText(Report report)
    {
        var late = report.PoliceFeedbackAt > report.PoliceFeedbackDueAt ? "（已超过3日时限）" : string.Empty;
        return $"公安机关反馈{late}：{Domain.Time.ChinaTime.ToChina(report.PoliceFeedbackAt!.Value):yyyy-MM-dd HH:mm}。{report.PoliceFeedbackNote}";
    }
}
