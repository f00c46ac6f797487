using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>
/// <c>GET /api/v1/visits/due/export</c> (issue #12 item 8): the due list (到期走访) of the same caller and <c>regionCode</c>
/// as an .xlsx — the lines <see cref="DueVisitList.AllAsync"/> gives the list, in its order, with the columns the list
/// shows, at most <see cref="MaxRows"/>. Audited once as an Export of children with its row count and filter, and the
/// children held.
/// </summary>
public sealed class ExportDueVisits(DueVisitList dueVisits, ShouhuDbContext db)
{
    /// <summary>Most rows in one file; a list with more is refused (<see cref="ExportTooLargeException"/>): narrow the filter.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The header row: the list's fields.</summary>
    public static readonly IReadOnlyList<string> Columns = ["儿童", "村（社区）", "区划代码", "应走访日期", "已逾期", "走访间隔（天）"];

    /// <summary>Writes the workbook to <paramref name="output"/> and audits it; returns the number of rows.</summary>
    /// <param name="regionCode">The list's <c>regionCode</c> (already checked), or null for the whole jurisdiction.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<long> WriteAsync(string? regionCode, Stream output, CancellationToken ct)
    {
        var children = new List<Guid>();
        var written = await XlsxStreamWriter.WriteAsync(output, "到期走访", Columns, Lines(), ct);
        db.RecordAudit("Export", "Child", null, db.Caller.JurisdictionCode ?? string.Empty, ExportFile.AuditDetail(written, ("list", "due-visits"), ("region", regionCode)), children: children);
        await db.SaveChangesAsync(ct);
        return written;

        async IAsyncEnumerable<IReadOnlyList<object?>> Lines()
        {
            await foreach (var v in ExportFile.AtMost(dueVisits.AllAsync(regionCode, MaxRows + 1, ct), MaxRows, ct))
            {
                children.Add(v.ChildId);
                yield return Line(v);
            }
        }
    }

    /// <summary>One row: the list line's values as the page shows them.</summary>
    public static IReadOnlyList<object?> Line(DueVisit v) =>
        [v.Name, v.RegionName ?? v.RegionCode, v.RegionCode, v.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), v.Overdue ? "是" : "否", v.IntervalDays];
}
