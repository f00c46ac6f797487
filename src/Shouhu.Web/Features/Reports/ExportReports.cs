using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>
/// <c>GET /api/v1/reports/export</c> (issue #12 item 8): the report list of the same caller and <c>status</c> as an .xlsx —
/// the lines <see cref="ReportQueries.AllAsync"/> gives the list, in its order, with the columns the list shows, at most
/// <see cref="MaxRows"/>. Audited once as an Export with its row count and filter, and the linked children held.
/// </summary>
public sealed class ExportReports(ReportQueries queries, ShouhuDbContext db)
{
    /// <summary>Most rows in one file; a list with more is refused (<see cref="ExportTooLargeException"/>): narrow the filter.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The header row: the list's fields (时限 is the response deadline, as the page shows it).</summary>
    public static readonly IReadOnlyList<string> Columns = ["时限", "已超时", "紧急程度", "公安反馈超时", "渠道", "儿童", "情形", "接报时间", "状态", "区划代码"];

    /// <summary>Writes the workbook to <paramref name="output"/> and audits it; returns the number of rows.</summary>
    /// <param name="actor">The caller.</param>
    /// <param name="status">The list's <c>status</c> (already checked), or null for every status.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<long> WriteAsync(Actor actor, string? status, Stream output, CancellationToken ct)
    {
        var children = new List<Guid>();
        var written = await XlsxStreamWriter.WriteAsync(output, "报告", Columns, Lines(), ct);
        db.RecordAudit("Export", "Report", null, db.Caller.JurisdictionCode ?? string.Empty, ExportFile.AuditDetail(written, ("status", status)), children: children);
        await db.SaveChangesAsync(ct);
        return written;

        async IAsyncEnumerable<IReadOnlyList<object?>> Lines()
        {
            await foreach (var (r, childId) in ExportFile.AtMost(queries.AllAsync(actor, status, MaxRows + 1, ct), MaxRows, ct))
            {
                if (childId is { } id)
                {
                    children.Add(id); // the list audits the children whose reports it held; so does the export
                }

                yield return Line(r);
            }
        }
    }

    /// <summary>One row: the list line's values as the page shows them (China time, Chinese names).</summary>
    public static IReadOnlyList<object?> Line(ReportListItem r) =>
    [
        ReportQueries.DeadlineText(r.ResponseDueAt), r.Overdue ? "是" : "否", CaseworkNames.Of(Enum.Parse<Urgency>(r.Urgency)), r.PoliceFeedbackOverdue ? "是" : "否",
        CaseworkNames.Of(Enum.Parse<ReportChannel>(r.Channel)), r.ChildName, string.Join("、", r.ConcernTypes.Select(c => CaseworkNames.Of(Enum.Parse<ConcernType>(c)))),
        r.ReceivedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        CaseworkNames.Of(Enum.GetValues<ReportStatus>().First(s => ReportQueries.StatusText(s) == r.Status)), r.RegionCode,
    ];
}
