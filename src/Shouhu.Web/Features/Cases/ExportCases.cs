using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// <c>GET /api/v1/cases/export</c> (issue #12 item 8): the case list of the same caller, <c>status</c> and <c>mine</c> as an
/// .xlsx — the lines <see cref="CaseQueries.AllAsync"/> gives the list, in its order, with the columns the list shows, at
/// most <see cref="MaxRows"/>. Audited once as an Export with its row count and filter, and the children held.
/// </summary>
public sealed class ExportCases(CaseQueries queries, ShouhuDbContext db)
{
    /// <summary>Most rows in one file; a list with more is refused (<see cref="ExportTooLargeException"/>): narrow the filter.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The header row: the list's fields.</summary>
    public static readonly IReadOnlyList<string> Columns = ["案件编号", "儿童", "状态", "风险", "紧急程度", "区划代码", "承办人", "督导", "计划审批", "结案审批", "立案时间", "更新时间"];

    /// <summary>Writes the workbook to <paramref name="output"/> and audits it; returns the number of rows.</summary>
    /// <param name="actor">The caller.</param>
    /// <param name="status">The list's <c>status</c> (already checked), or null for every status.</param>
    /// <param name="mine">The list's <c>mine</c>: only the caller's cases.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<long> WriteAsync(Actor actor, string? status, bool mine, Stream output, CancellationToken ct)
    {
        var children = new HashSet<Guid>();
        var written = await XlsxStreamWriter.WriteAsync(output, "个案", Columns, Lines(), ct);
        db.RecordAudit("Export", "Case", null, db.Caller.JurisdictionCode ?? string.Empty, ExportFile.AuditDetail(written, ("status", status), ("mine", mine ? "true" : null)), children: children);
        await db.SaveChangesAsync(ct);
        return written;

        async IAsyncEnumerable<IReadOnlyList<object?>> Lines()
        {
            await foreach (var c in ExportFile.AtMost(queries.AllAsync(actor, status, mine, MaxRows + 1), MaxRows, ct))
            {
                if (c.ChildId is { } id)
                {
                    children.Add(id);
                }

                yield return Line(c);
            }
        }
    }

    /// <summary>One row: the list line's values as the page shows them (China time, Chinese names).</summary>
    public static IReadOnlyList<object?> Line(CaseListItem c) =>
    [
        c.CaseNumber, c.ChildName, CaseWorkflow.Name(CaseWorkflow.ParseText(c.Status)!.Value),
        c.RiskLevel switch { "high" => "高", "medium" => "中", "low" => "低", _ => "" }, CaseworkNames.Of(Enum.Parse<Urgency>(c.Urgency)), c.RegionCode,
        c.AssignedWorkerName, c.SupervisorName, Approval(c.PlanState), Approval(c.ClosureState),
        c.OpenedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), c.UpdatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
    ];

    private static string Approval(string state) => state switch { "submitted" => "待审批", "approved" => "已批准", "returned" => "已退回", _ => "" };
}
