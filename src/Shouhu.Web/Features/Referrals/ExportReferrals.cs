using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>
/// <c>GET /api/v1/referrals/export</c> (issue #12 item 8): the referral list of the same caller, <c>box</c> and
/// <c>status</c> as an .xlsx — exactly the lines <see cref="ReferralInbox.ListAsync"/> gives the list (itself capped at
/// <see cref="ReferralInbox.MaxListed"/> per part), in its order, with the columns the list shows. Audited once as an
/// Export with its row count and filter.
/// </summary>
public sealed class ExportReferrals(ReferralInbox inbox, ShouhuDbContext db)
{
    /// <summary>The header row: the list's fields.</summary>
    public static readonly IReadOnlyList<string> Columns = ["案件编号", "接收机构", "状态", "转介事由", "办理期限", "已逾期", "发出时间", "发出人"];

    /// <summary>Writes the workbook to <paramref name="output"/> and audits it; returns the number of rows.</summary>
    /// <param name="actor">The caller.</param>
    /// <param name="box">The list's <c>box</c> (already checked): <c>inbox</c> (default) or <c>outgoing</c>.</param>
    /// <param name="status">The list's <c>status</c> (already checked), or null for every status.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<long> WriteAsync(Actor actor, string? box, string? status, Stream output, CancellationToken ct)
    {
        var items = await inbox.ListAsync(actor, box, status, ct, audit: false);
        var written = await XlsxStreamWriter.WriteAsync(output, "转介", Columns, items.Select(Line).ToAsyncEnumerable(), ct);
        db.RecordAudit("Export", "Referral", null, db.Caller.JurisdictionCode ?? string.Empty, ExportFile.AuditDetail(written, ("box", box == "outgoing" ? "outgoing" : "inbox"), ("status", status)));
        await db.SaveChangesAsync(ct);
        return written;
    }

    /// <summary>One row: the list line's values as the page shows them (China time, Chinese names).</summary>
    public static IReadOnlyList<object?> Line(ReferralListItem r) =>
    [
        r.CaseNumber, r.OrganizationName, Referral.StatusName(Enum.GetValues<ReferralStatus>().First(s => Referral.StatusText(s) == r.Status)), r.Reason,
        r.DueAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), r.Overdue ? "是" : "否",
        r.SentAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), r.SentByName,
    ];
}
