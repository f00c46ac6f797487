using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>A report as the API and the report page show it. The reporter's identity is shown to triagers and to whoever recorded it only.</summary>
public sealed record ReportResponse(
    Guid Id,
    string Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ResponseDueAt,
    bool Overdue,
    IReadOnlyList<string> ConcernTypes,
    string Urgency,
    string Narrative,
    Guid? ChildId,
    string? ChildName,
    UnidentifiedChildResponse? Child,
    string RegionCode,
    string? RegionName,
    string? Location,
    ReporterResponse? Reporter,
    string Status,
    string? Decision,
    string? DecisionReason,
    Guid? CaseId,
    string? CaseNumber,
    string? TriagedByName,
    DateTimeOffset? TriagedAt,
    string RecordedByName,
    DateTimeOffset RecordedAt,
    IReadOnlyList<Cases.AttachmentResponse> Attachments,
    PoliceStepResponse? Police = null);

/// <summary>
/// The mandatory-report police step of a report of one of the nine situations (null for other reports): whether it was
/// reported to the police (when, by whom, which unit), and the police's feedback against its 3-day clock.
/// </summary>
/// <param name="ReportedAt">When it was reported to the police (China time); null while not recorded (the page shows 待报警).</param>
/// <param name="ReportedBy">Who reported it (shown to those who see the reporter).</param>
/// <param name="PoliceUnit">The police unit.</param>
/// <param name="FeedbackDueAt">When the police's feedback is due (24:00 China time of the third day after the report to the police).</param>
/// <param name="FeedbackAt">When the feedback was recorded.</param>
/// <param name="FeedbackNote">What the police said (shown to those who see the reporter).</param>
/// <param name="FeedbackOverdue">True when the feedback is due and not recorded.</param>
public sealed record PoliceStepResponse(DateTimeOffset? ReportedAt, string? ReportedBy, string? PoliceUnit, DateTimeOffset? FeedbackDueAt, DateTimeOffset? FeedbackAt, string? FeedbackNote, bool FeedbackOverdue);

/// <summary>The description of a child not in the register.</summary>
public sealed record UnidentifiedChildResponse(string? Name, string? Sex, int? ApproximateAge, string? Description);

/// <summary>The reporter.</summary>
public sealed record ReporterResponse(bool Anonymous, string? Name, string? Phone, string? Relation, string? Organization);

/// <summary>A line of the triage queue or report list; <paramref name="PoliceFeedbackOverdue"/> marks a mandatory report whose police feedback is late.</summary>
public sealed record ReportListItem(Guid Id, string Channel, string Urgency, DateTimeOffset ReceivedAt, DateTimeOffset ResponseDueAt, bool Overdue,
    IReadOnlyList<string> ConcernTypes, string? ChildName, string RegionCode, string Status, Guid? CaseId, bool PoliceFeedbackOverdue = false);

/// <summary>A page of reports.</summary>
public sealed record ReportPage(IReadOnlyList<ReportListItem> Items, int Total, int Page, int PageSize);

/// <summary>Reads reports: the triage queue (waiting ones, the most pressing clock first), a report, its attachments.</summary>
public sealed class ReportQueries(ShouhuDbContext db, RegionNames regionNames, TimeProvider clock)
{
    /// <summary>
    /// A response deadline as people say it (issue #10): a clock ending at midnight (the routine working-day clock) is
    /// "the day before 当日24时" — <c>11-27 当日24时</c>, not <c>11-28 00:00</c>; any other time as <c>HH:mm</c>.
    /// <paramref name="dateFormat"/> is the date part's format (<c>MM-dd</c> or <c>yyyy-MM-dd</c>); the time is China time.
    /// </summary>
    public static string DeadlineText(DateTimeOffset chinaTime, string dateFormat = "yyyy-MM-dd") =>
        chinaTime.TimeOfDay == TimeSpan.Zero
            ? chinaTime.AddDays(-1).ToString(dateFormat, System.Globalization.CultureInfo.InvariantCulture) + " 当日24时"
            : chinaTime.ToString(dateFormat + " HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>API text of a status: <c>awaiting-triage</c>, <c>case-opened</c>, <c>linked-to-case</c>, <c>closed</c>.</summary>
    public static string StatusText(ReportStatus s) => s switch
    {
        ReportStatus.AwaitingTriage => "awaiting-triage",
        ReportStatus.CaseOpened => "case-opened",
        ReportStatus.LinkedToCase => "linked-to-case",
        _ => "closed",
    };

    /// <summary>A page of reports, newest clock first; <paramref name="status"/> an API status text (the triage queue is <c>awaiting-triage</c>, ordered by due time).</summary>
    public async Task<ReportPage> ListAsync(Actor actor, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Clamp(page ?? 1, 1, 100_000);
        var query = Listed(actor, status);
        var total = await query.CountAsync(ct);
        var rows = await Rows(query.Skip((number - 1) * size).Take(size), actor).ToListAsync(ct);
        db.RecordAudit("List", "Report", null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={rows.Count}", children: rows.Where(r => r.ChildId != null).Select(r => r.ChildId!.Value));
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new ReportPage(rows.Select(r => Item(r, now)).ToList(), total, number, size);
    }

    /// <summary>
    /// Every line of the list <see cref="ListAsync"/> shows for the same caller and status, in its order, at most
    /// <paramref name="max"/>, streamed (the export), each with the id of its linked child (for the audit, never shown).
    /// Not audited: the caller audits what it did with them.
    /// </summary>
    public async IAsyncEnumerable<(ReportListItem Item, Guid? ChildId)> AllAsync(Actor actor, string? status, int max, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await foreach (var r in Rows(Listed(actor, status).Take(max), actor).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return (Item(r, now), r.ChildId);
        }
    }

    // The list's filter and order: the caller's own reports unless a reader of all; by status; the triage queue by due time.
    private IQueryable<Report> Listed(Actor actor, string? status)
    {
        var query = db.Reports.AsNoTracking();
        if (!Roles.ReportReaders.Contains(actor.Role))
        {
            query = query.Where(r => r.RecordedBy == actor.Id);
        }

        var wanted = Enum.GetValues<ReportStatus>().Cast<ReportStatus?>().FirstOrDefault(s => StatusText(s!.Value) == status);
        if (wanted is { } w)
        {
            query = query.Where(r => r.Status == w);
        }

        return wanted == ReportStatus.AwaitingTriage ? query.OrderBy(r => r.ResponseDueAt).ThenBy(r => r.Id) : query.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id);
    }

    // One statement per page or export: the linked child's name read in it (inside the jurisdiction), for readers of the register only.
    private IQueryable<ReportRow> Rows(IQueryable<Report> reports, Actor actor)
    {
        // Who the report was linked to is not everyone's to see.
        var namesChildren = Roles.RegistryReaders.Contains(actor.Role);
        return reports.Select(r => new ReportRow(r.Id, r.Channel, r.Urgency, r.ReceivedAt, r.ResponseDueAt, r.Concerns.Select(c => c.ConcernType).ToList(), r.ChildId,
            r.ChildId != null ? (namesChildren ? db.Children.Where(c => c.Id == r.ChildId).Select(c => c.Name).FirstOrDefault() : null) : r.UnidentifiedChildName,
            r.RegionCode, r.Status, r.CaseId, r.PoliceFeedbackAt, r.PoliceFeedbackDueAt));
    }

    private static ReportListItem Item(ReportRow r, DateTime now) => new(r.Id, r.Channel.ToString(), r.Urgency.ToString(), ChinaTime.ToChina(r.ReceivedAt), ChinaTime.ToChina(r.ResponseDueAt),
        r.Status == ReportStatus.AwaitingTriage && now > r.ResponseDueAt, Names(r.Concerns), r.ChildName, r.RegionCode, StatusText(r.Status), r.CaseId,
        r.PoliceFeedbackAt is null && r.PoliceFeedbackDueAt is { } due && now > due);

    private sealed record ReportRow(Guid Id, ReportChannel Channel, Urgency Urgency, DateTime ReceivedAt, DateTime ResponseDueAt, List<ConcernType> Concerns, Guid? ChildId, string? ChildName,
        string RegionCode, ReportStatus Status, Guid? CaseId, DateTime? PoliceFeedbackAt, DateTime? PoliceFeedbackDueAt);

    /// <summary>One report, audited as a View; null when absent, outside the jurisdiction or not the caller's to read.</summary>
    public async Task<ReportResponse?> GetAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var r = await db.Reports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !ReportAccess.CanRead(r, actor))
        {
            return null;
        }

        var childName = r.ChildId is { } cid && Roles.RegistryReaders.Contains(actor.Role) ? await db.Children.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        var caseNumber = r.CaseId is { } caseId ? await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.CaseNumber).FirstOrDefaultAsync(ct) : null;
        // The files only to those who see the reporter (they may identify them): ReportAccess.MaySeeFiles.
        var attachments = ReportAccess.MaySeeFiles(r, actor)
            ? await db.Attachments.AsNoTracking().Where(a => a.ReportId == id).OrderBy(a => a.UploadedAt).ToListAsync(ct)
            : [];
        var regionName = (await regionNames.NamesAsync([r.RegionCode], ct)).GetValueOrDefault(r.RegionCode);
        db.RecordAudit("View", "Report", r.Id.ToString(), r.RegionCode);
        await db.SaveChangesAsync(ct);
        var seesReporter = ReportAccess.SeesReporter(r, actor);
        return new ReportResponse(
            r.Id, r.Channel.ToString(), ChinaTime.ToChina(r.ReceivedAt), ChinaTime.ToChina(r.ResponseDueAt), r.IsOverdue(clock.GetUtcNow().UtcDateTime),
            Names(r.Concerns.Select(c => c.ConcernType)), r.Urgency.ToString(), r.Narrative, r.ChildId, childName,
            r.UnidentifiedChildName is null && r.UnidentifiedChildSex is null && r.UnidentifiedChildAge is null && r.UnidentifiedChildDescription is null
                ? null
                : new UnidentifiedChildResponse(r.UnidentifiedChildName, r.UnidentifiedChildSex is { } s ? SexText.ToApi(s) : null, r.UnidentifiedChildAge, r.UnidentifiedChildDescription),
            r.RegionCode, regionName, r.Location,
            seesReporter ? new ReporterResponse(r.ReporterAnonymous, r.ReporterName, r.ReporterPhone, r.ReporterRelation, r.ReporterOrganization) : null,
            StatusText(r.Status), r.Decision switch { TriageDecision.OpenCase => "open-case", TriageDecision.LinkCase => "link-case", TriageDecision.Close => "close", _ => null },
            r.DecisionReason, r.CaseId, caseNumber, r.TriagedByName, r.TriagedAt is { } t ? ChinaTime.ToChina(t) : null, r.RecordedByName, ChinaTime.ToChina(r.RecordedAt),
            attachments.Select(Cases.CaseQueries.ToResponse).ToList(),
            r.NeedsPolice ? PoliceStep(r, seesReporter, clock.GetUtcNow().UtcDateTime) : null);
    }

    private static PoliceStepResponse PoliceStep(Report r, bool seesReporter, DateTime now) => new(
        r.PoliceReportedAt is { } at ? ChinaTime.ToChina(at) : null, seesReporter ? r.PoliceReportedBy : null, r.PoliceUnit,
        r.PoliceFeedbackDueAt is { } due ? ChinaTime.ToChina(due) : null, r.PoliceFeedbackAt is { } fb ? ChinaTime.ToChina(fb) : null,
        seesReporter ? r.PoliceFeedbackNote : null, r.IsPoliceFeedbackOverdue(now));

    /// <summary>Open cases of a child (for linking a report), newest first.</summary>
    public async Task<List<(Guid Id, string CaseNumber, string Status)>> OpenCasesOfChildAsync(Guid childId, CancellationToken ct)
    {
        var rows = await db.Cases.AsNoTracking().Where(c => c.ChildId == childId && c.Status != CaseStatus.Closed)
            .OrderByDescending(c => c.OpenedAt).Select(c => new { c.Id, c.CaseNumber, c.Status }).ToListAsync(ct);
        return rows.Select(c => (c.Id, c.CaseNumber, CaseWorkflow.Name(c.Status))).ToList();
    }

    private static List<string> Names(IEnumerable<ConcernType> concerns) => concerns.Order().Select(c => c.ToString()).ToList();
}
