using Microsoft.EntityFrameworkCore;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Excel export of the current filter (DESIGN C7): every matching child of the jurisdiction, at most
/// <see cref="MaxRows"/>, as an .xlsx written by MiniExcel. ID and phone numbers are masked unless the role sees them on
/// records. Every export is audited with its row count and filter.
/// </summary>
public sealed class ChildExport(ShouhuDbContext db, ChildQueries queries, TimeProvider clock)
{
    /// <summary>Most rows in one file; narrow the filter for more.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Writes the workbook to <paramref name="output"/>; returns the number of rows.</summary>
    public async Task<int> WriteAsync(ChildFilter filter, string? role, Stream output, CancellationToken ct = default)
    {
        var full = ChildQueries.SeesFullNumbers(role);
        var today = ChinaTime.Today(clock);
        var rows = await ChildQueries.Sorted(queries.Filtered(filter), filter).Take(MaxRows)
            .Select(c => new
            {
                c.Id, c.Name, c.Sex, c.CitizenIdNumber, c.BirthDate, c.EthnicityCode, c.RegionCode, c.Address, c.HouseholdKind, c.SchoolStatus, c.SchoolName, c.Grade, c.ContactPhone,
                Categories = c.Categories.Where(k => k.Status != CategoryStatus.Exited && k.Status != CategoryStatus.Rejected && (k.ValidTo == null || k.ValidTo >= today))
                    .Select(k => k.Category).ToList(),
            })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var regionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["姓名"] = r.Name,
            ["性别"] = SexText.ToChinese(r.Sex),
            ["公民身份号码"] = full ? r.CitizenIdNumber : CitizenIdNumber.Mask(r.CitizenIdNumber),
            ["出生日期"] = r.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["年龄"] = ChinaTime.AgeOn(r.BirthDate, today),
            ["民族"] = Ethnicity.NameOf(r.EthnicityCode),
            ["居住村（社区）"] = regionNames.GetValueOrDefault(r.RegionCode),
            ["区划代码"] = r.RegionCode,
            ["详细地址"] = r.Address,
            ["户籍性质"] = r.HouseholdKind switch { HouseholdKind.Rural => "农村", HouseholdKind.Urban => "城镇", _ => "" },
            ["就学状况"] = r.SchoolStatus.ToString(),
            ["学校"] = r.SchoolName,
            ["年级"] = r.Grade,
            ["联系电话"] = full ? r.ContactPhone : PhoneNumber.Mask(r.ContactPhone),
            ["保护类别"] = string.Join("、", r.Categories.Order().Select(ChildCategory.ChineseName)),
        }).ToList();

        await MiniExcel.SaveAsAsync(output, sheet, sheetName: "儿童名册", cancellationToken: ct);
        var described = string.Join(';', new[] { ("region", filter.RegionCode), ("category", filter.Category), ("status", filter.Status), ("school", filter.SchoolStatus), ("ageMin", filter.AgeMin?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("ageMax", filter.AgeMax?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("q", string.IsNullOrWhiteSpace(filter.Q) ? null : "yes") }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => $"{x.Item1}={x.Item2}"));
        db.RecordAudit("Export", nameof(Child), null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={rows.Count}; {described}", children: rows.Select(r => r.Id));
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
