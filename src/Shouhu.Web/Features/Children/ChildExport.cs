using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Excel export of the current filter (DESIGN C7): every matching child of the jurisdiction, at most
/// <see cref="MaxRows"/>, as an .xlsx written by MiniExcel, through <see cref="PersonalDataPolicy.ForExport"/>. By default
/// for everyone: masked ID and phone numbers, no birth date or birth year (age in whole years stays), no 保护类别 column.
/// Full numbers with the 出生日期 column, and the 保护类别 column, only as the policy grants them with a stated purpose.
/// Every export is audited with its row count, filter, what was granted and the purpose.
/// </summary>
public sealed class ChildExport(ShouhuDbContext db, ChildQueries queries, TimeProvider clock)
{
    /// <summary>Most rows in one file; narrow the filter for more.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Writes the workbook to <paramref name="output"/> as <paramref name="view"/> allows; returns the number of rows.</summary>
    /// <param name="filter">The list's filter (already checked with <see cref="ChildFilter.Problems"/>).</param>
    /// <param name="view">From <see cref="PersonalDataPolicy.ForExport"/>.</param>
    /// <param name="purpose">The stated purpose (用途) when the view grants more than the default; audited.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<int> WriteAsync(ChildFilter filter, PersonalDataView view, string? purpose, Stream output, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var active = ChildCategory.ActiveOn(today);
        var rows = await ChildQueries.Sorted(queries.Filtered(filter), filter).Take(MaxRows)
            .Select(c => new
            {
                c.Id, c.Name, c.Sex, c.CitizenIdNumber, c.BirthDate, c.EthnicityCode, c.RegionCode, c.Address, c.HouseholdKind, c.SchoolStatus, c.SchoolName, c.Grade, c.ContactPhone,
                Categories = c.Categories.AsQueryable().Where(active).Select(k => k.Category).ToList(),
            })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var regionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var sheet = rows.Select(r =>
        {
            var line = new Dictionary<string, object?>
            {
                ["姓名"] = r.Name,
                ["性别"] = SexText.ToChinese(r.Sex),
                ["公民身份号码"] = view.IdNumber(r.CitizenIdNumber),
            };
            if (view.BirthDate(r.BirthDate) is { } birth)
            {
                line["出生日期"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            line["年龄"] = ChinaTime.AgeOn(r.BirthDate, today);
            line["民族"] = Ethnicity.NameOf(r.EthnicityCode);
            line["居住村（社区）"] = regionNames.GetValueOrDefault(r.RegionCode);
            line["区划代码"] = r.RegionCode;
            line["详细地址"] = r.Address;
            line["户籍性质"] = r.HouseholdKind == HouseholdKind.Unknown ? "" : ChildNames.Of(r.HouseholdKind);
            line["就学状况"] = r.SchoolStatus == SchoolStatus.Unknown ? "" : ChildNames.Of(r.SchoolStatus);
            line["学校"] = r.SchoolName;
            line["年级"] = r.Grade;
            line["联系电话"] = view.Phone(r.ContactPhone);
            if (view.ShowsCategories)
            {
                line["保护类别"] = string.Join("、", r.Categories.Order().Select(ChildCategory.ChineseName));
            }

            return line;
        }).ToList();

        await MiniExcel.SaveAsAsync(output, sheet, sheetName: "儿童名册", cancellationToken: ct);
        var described = string.Join(';', new[]
            {
                ("region", filter.RegionCode), ("category", filter.Category), ("status", filter.Status), ("school", filter.SchoolStatus),
                ("ageMin", filter.AgeMin?.ToString(CultureInfo.InvariantCulture)), ("ageMax", filter.AgeMax?.ToString(CultureInfo.InvariantCulture)),
                ("q", string.IsNullOrWhiteSpace(filter.Q) ? null : "yes"), ("fullIdNumbers", view.FullNumbers ? "yes" : null),
                ("categories", view.ShowsCategories ? "yes" : null), ("purpose", purpose),
            }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => $"{x.Item1}={x.Item2}"));
        db.RecordAudit("Export", nameof(Child), null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={rows.Count}; {described}", children: rows.Select(r => r.Id));
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
