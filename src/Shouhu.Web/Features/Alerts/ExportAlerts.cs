using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Monitoring;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Alerts;

/// <summary>
/// <c>GET /api/v1/alerts/export</c> (issue #12 item 8): the alert list of the same caller and filter (<c>childId</c>,
/// <c>caseId</c>, <c>rule</c>, <c>status</c>) as an .xlsx — the list's own query, in its order, every alert as the list
/// answers it (<see cref="AlertsApi.Item"/>), at most <see cref="MaxRows"/>. Audited once as an Export with its row count
/// and filter, and the children held.
/// </summary>
public sealed class ExportAlerts(ShouhuDbContext db)
{
    /// <summary>Most rows in one file; a list with more is refused (<see cref="ExportTooLargeException"/>): narrow the filter.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The header row: the list's fields.</summary>
    public static readonly IReadOnlyList<string> Columns = ["级别", "期限", "预警规则", "事项", "区划代码", "状态"];

    /// <summary>Writes the workbook to <paramref name="output"/> and audits it; returns the number of rows.</summary>
    /// <param name="listed">The list's query for the caller and filter, ordered (AlertsApi).</param>
    /// <param name="filter">The filter as given, for the audit entry.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<long> WriteAsync(IQueryable<Alert> listed, (Guid? ChildId, Guid? CaseId, string? Rule, string? Status) filter, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var children = new HashSet<Guid>();
        var written = await XlsxStreamWriter.WriteAsync(output, "预警", Columns, Lines(), ct);
        db.RecordAudit("Export", "Alert", null, db.Caller.JurisdictionCode ?? string.Empty,
            ExportFile.AuditDetail(written, ("childId", filter.ChildId?.ToString()), ("caseId", filter.CaseId?.ToString()), ("rule", filter.Rule), ("status", filter.Status)), children: children);
        await db.SaveChangesAsync(ct);
        return written;

        async IAsyncEnumerable<IReadOnlyList<object?>> Lines()
        {
            await foreach (var a in ExportFile.AtMost(listed.Take(MaxRows + 1).AsAsyncEnumerable(), MaxRows, ct))
            {
                if (a.ChildId is { } id)
                {
                    children.Add(id);
                }

                yield return Line(AlertsApi.Item(a));
            }
        }
    }

    /// <summary>One row: the list's alert as the page shows it (China date, Chinese names).</summary>
    public static IReadOnlyList<object?> Line(AlertResponse a) =>
    [
        a.Severity switch { "high" => "高", "medium" => "中", _ => "低" }, a.DueAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IndexModel.RuleName(Enum.Parse<AlertRule>(a.Rule)), a.Message, a.RegionCode, a.Status == "open" ? "待处理" : "已关闭",
    ];
}
