using System.Globalization;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.SurveyForms;

/// <summary>
/// The 汇总表 as an .xlsx in the form's layout (ADR-014): the title 「XX农村留守儿童信息汇总表」, 填报单位 and 统计截止日, the
/// grouped two-row header (地区 | 合计 | 按年龄分 … with the 32 headings below), the column numbers row (甲, 1 … 32), one row
/// per sub-region, 合计, and a 说明 row saying how many children were counted by default. Through the one streamed writer;
/// audited as an export of counts (no child is named, so no child list in the entry).
/// </summary>
public sealed class WriteLeftBehindSummary(ShouhuDbContext db, LeftBehindSummaryQuery query)
{
    /// <summary>Writes the workbook of <paramref name="scope"/> to <paramref name="output"/>; returns the table it wrote.</summary>
    public async Task<LeftBehindSummaryResponse> WriteAsync(FormScope scope, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await query.RunAsync(scope, ct);
        var width = LeftBehindSummary.ColumnCount + 1;
        var last = Column(width);
        var groups = new object?[width];
        var headings = new object?[width];
        var numbers = new object?[width];
        (groups[0], headings[0], numbers[0]) = ("地区", null, "甲");
        var merges = new List<string> { $"A1:{last}1", $"A2:{last}2", "A3:A4" };
        foreach (var (title, first, end) in LeftBehindSummary.Groups)
        {
            groups[first] = title;
            merges.Add(first == end ? $"{Column(first + 1)}3:{Column(first + 1)}4" : $"{Column(first + 1)}3:{Column(end + 1)}3");
        }

        for (var c = 1; c <= LeftBehindSummary.ColumnCount; c++)
        {
            headings[c] = c == 1 ? null : LeftBehindSummary.Headings[c - 1];
            numbers[c] = c;
        }

        var layout = new SheetLayout(
            [
                [$"{table.RegionName}农村留守儿童信息汇总表"],
                [$"填报单位：{table.RegionName}（{table.RegionCode}）　　统计截止日：{table.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}　　单位：人"],
                groups, headings, numbers,
            ],
            width,
            merges);
        await XlsxStreamWriter.WriteAsync(output, "汇总表", layout, Lines(table), ct);
        db.RecordAudit("Export", "LeftBehindSummary", null, scope.RegionCode,
            ExportFile.AuditDetail(table.Rows.Count, ("region", scope.RegionCode), ("asOf", scope.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("total", table.Total.Columns[0].ToString(CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(ct);
        return table;
    }

    /// <summary>The 说明 line under the table: how many were counted by default, and where (ADR-014).</summary>
    public static string Note(SummaryDefaults d) =>
        $"说明：年龄按统计截止日计算；未登记就学情况 {d.Stage} 人按就学状况和年龄归入就学情况；义务教育阶段未登记是否寄宿 {d.Boarding} 人计入非寄宿；"
        + $"未登记父母外出情况 {d.Parents} 人计入“一方外出另一方无监护能力”；未登记健康状况 {d.Health} 人计入健康；性别未登记 {d.Sex} 人计入女。";

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Lines(LeftBehindSummaryResponse table)
    {
        foreach (var row in table.Rows.Append(table.Total))
        {
            yield return [row.RegionName, .. row.Columns.Cast<object?>()];
        }

        yield return [Note(table.Defaulted)];
        await Task.CompletedTask;
    }

    // A, B, … Z, AA … for a 1-based column number.
    private static string Column(int n)
    {
        var name = string.Empty;
        for (; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
