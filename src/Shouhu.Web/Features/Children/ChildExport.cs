using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Excel export of the current filter (DESIGN C7): every matching child of the jurisdiction, as an .xlsx streamed by <see cref="XlsxStreamWriter"/>, through <see cref="PersonalDataPolicy.ForExport"/>. By default
/// for everyone: masked ID and phone numbers, no birth date or birth year (age in whole years stays), no 保护类别 column.
/// Full numbers with the 出生日期 column, and the 保护类别 column, only as the policy grants them with a stated purpose.
/// Every export is audited with its row count, filter, what was granted and the purpose. An answer at once holds at most
/// <see cref="Exports.ExportLimits.DirectRows"/> rows; a larger list (or, from the page, more than
/// <see cref="Exports.ExportLimits.PageDirectRows"/>) is written in the background (<see cref="ChildBackgroundExport"/>,
/// ADR-016) with no limit — past 1,048,576 rows on further sheets.
/// </summary>
public sealed class ChildExport(ShouhuDbContext db, ChildQueries queries, Exports.ExportLimits limits, TimeProvider clock)
{
    /// <summary>The file's name before its date: <c>儿童名册</c>, or <c>儿童名册-含完整号码</c> when <paramref name="view"/> shows full ID and phone numbers — so a file that needs more care says so on its face.</summary>
    public static string FileName(PersonalDataView view) => view?.FullNumbers == true ? "儿童名册-含完整号码" : "儿童名册";

    /// <summary>The number of children <paramref name="filter"/> selects now (for choosing at once or in the background).</summary>
    public Task<int> CountAsync(ChildFilter filter, CancellationToken ct) => queries.Filtered(filter).CountAsync(ct);

    /// <summary>Writes the workbook to <paramref name="output"/> as <paramref name="view"/> allows; returns the number of rows.</summary>
    /// <param name="filter">The list's filter (already checked with <see cref="ChildFilter.Problems"/>).</param>
    /// <param name="view">From <see cref="PersonalDataPolicy.ForExport"/>.</param>
    /// <param name="purpose">The stated purpose (用途) when the view grants more than the default; audited.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<long> WriteAsync(ChildFilter filter, PersonalDataView view, string? purpose, Stream output, CancellationToken ct = default) =>
        WriteAsync(filter, view, purpose, output, null, ct);

    /// <summary>
    /// As <see cref="WriteAsync(ChildFilter, PersonalDataView, string?, Stream, CancellationToken)"/>, for a background export:
    /// no row limit, <paramref name="progress"/> told of each row and of the end (before the audit is saved).
    /// </summary>
    public Task<long> WriteInBackgroundAsync(ChildFilter filter, PersonalDataView view, string? purpose, Stream output, Exports.ExportProgress progress, CancellationToken ct) =>
        WriteAsync(filter, view, purpose, output, progress ?? throw new ArgumentNullException(nameof(progress)), ct);

    private async Task<long> WriteAsync(ChildFilter filter, PersonalDataView view, string? purpose, Stream output, Exports.ExportProgress? progress, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var active = ChildCategory.ActiveOn(today);
        var columns = new List<string> { "姓名", "性别", "公民身份号码" };
        if (view.FullNumbers)
        {
            columns.Add("出生日期");
        }

        columns.AddRange(["年龄", "民族", "居住村（社区）", "区划代码", "详细地址", "户籍性质", "就学状况", "学校", "年级", "联系电话"]);
        if (view.ShowsCategories)
        {
            columns.Add("保护类别");
        }

        var sorted = ChildQueries.Sorted(queries.Filtered(filter), filter);
        var listed = progress is null ? sorted.Take(limits.DirectRows) : sorted;
        // The villages' names first (a few thousand at most), so the rows stream in one statement (PostgreSQL runs one at a time).
        var codes = await queries.Filtered(filter).Select(c => c.RegionCode).Distinct().ToListAsync(ct);
        var regionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var rows = listed
            .Select(c => new
            {
                c.Id, c.Name, c.Sex, c.CitizenIdNumber, c.BirthDate, c.EthnicityCode, c.RegionCode, c.Address, c.HouseholdKind, c.SchoolStatus, c.SchoolName, c.Grade, c.ContactPhone,
                Categories = c.Categories.AsQueryable().Where(active).Select(k => k.Category).ToList(),
            })
            .AsAsyncEnumerable();
        var ids = new List<Guid>();
        var written = await XlsxStreamWriter.WriteAsync(output, "儿童名册", columns, Lines(), ct);

        async IAsyncEnumerable<IReadOnlyList<object?>> Lines()
        {
            await foreach (var r in rows.WithCancellation(ct))
            {
                ids.Add(r.Id);
                progress?.Written();
                var line = new List<object?>(columns.Count) { r.Name, SexText.ToChinese(r.Sex), view.IdNumber(r.CitizenIdNumber) };
                if (view.FullNumbers)
                {
                    line.Add(view.BirthDate(r.BirthDate)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                line.AddRange([
                    ChinaTime.AgeOn(r.BirthDate, today), Ethnicity.NameOf(r.EthnicityCode), regionNames.GetValueOrDefault(r.RegionCode), r.RegionCode, r.Address,
                    r.HouseholdKind == HouseholdKind.Unknown ? "" : ChildNames.Of(r.HouseholdKind), r.SchoolStatus == SchoolStatus.Unknown ? "" : ChildNames.Of(r.SchoolStatus),
                    r.SchoolName, r.Grade, view.Phone(r.ContactPhone)]);
                if (view.ShowsCategories)
                {
                    line.Add(string.Join("、", r.Categories.Order().Select(ChildCategory.ChineseName)));
                }

                yield return line;
            }
        }

        var described = string.Join(';', new[]
            {
                ("region", filter.RegionCode), ("category", filter.Category), ("status", filter.Status), ("school", filter.SchoolStatus),
                ("ageMin", filter.AgeMin?.ToString(CultureInfo.InvariantCulture)), ("ageMax", filter.AgeMax?.ToString(CultureInfo.InvariantCulture)),
                ("q", string.IsNullOrWhiteSpace(filter.Q) ? null : "yes"), ("fullIdNumbers", view.FullNumbers ? "yes" : null),
                ("categories", view.ShowsCategories ? "yes" : null), ("purpose", purpose), ("background", progress is null ? null : "yes"),
            }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => $"{x.Item1}={x.Item2}"));
        progress?.Complete(written);
        db.RecordAudit("Export", nameof(Child), null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={written}; {described}", children: ids);
        await db.SaveChangesAsync(ct);
        return written;
    }
}
