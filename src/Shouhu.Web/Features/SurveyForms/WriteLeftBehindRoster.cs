using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.SurveyForms;

/// <summary>
/// The 花名册 (民发〔2016〕42号 附件2, roster) as an .xlsx: the title 「XX农村留守儿童花名册」 (or the category asked for), 填报单位
/// and 统计截止日, then one row per child of <see cref="FormScope.Children"/> by village and name — 序号, 姓名, 性别, 民族, 出生日期,
/// 公民身份号码, 户籍所在地, 现居住地, 就学情况, 是否寄宿, 健康状况, 监护类型, 父母外出情况, 委托监护人, 与儿童关系, 联系电话 — at most
/// <see cref="MaxRows"/>. Masked by the one output policy exactly as the children list's export (channel Export,
/// <see cref="PersonalDataPolicy.ForExport"/>): ID and phone numbers masked and the 出生日期 cells left empty unless full
/// numbers were granted for a stated purpose. Streamed by <see cref="XlsxStreamWriter"/>; audited with the children listed.
/// </summary>
public sealed class WriteLeftBehindRoster(ShouhuDbContext db)
{
    /// <summary>Most rows in one file; a roster with more is refused (<see cref="ExportTooLargeException"/>): one township at a time.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The roster's column headings.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["序号", "姓名", "性别", "民族", "出生日期", "公民身份号码", "户籍所在地", "现居住地", "就学情况", "是否寄宿", "健康状况", "监护类型", "父母外出情况", "委托监护人", "与儿童关系", "联系电话"];

    /// <summary>Writes the roster of <paramref name="scope"/> as <paramref name="view"/> allows; returns the number of children.</summary>
    /// <param name="scope">Region, 统计截止日 and category.</param>
    /// <param name="view">From <see cref="PersonalDataPolicy.ForExport"/> (categories are implied by the roster itself, never a column).</param>
    /// <param name="purpose">The stated purpose when full numbers were granted; audited.</param>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<int> WriteAsync(FormScope scope, PersonalDataView view, string? purpose, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(view);
        var listed = scope.Children(db);
        // The places' names first (villages and household regions, a few thousand at most), so the rows stream in one statement.
        var codes = await listed.Select(c => c.RegionCode).Distinct().ToListAsync(ct);
        var households = await listed.Where(c => c.HouseholdRegionCode != null).Select(c => c.HouseholdRegionCode!).Distinct().ToListAsync(ct);
        var all = codes.Concat(households).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => all.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var rows = listed.OrderBy(c => c.RegionCode).ThenBy(c => c.Name).ThenBy(c => c.Id).Take(MaxRows + 1)
            .Select(c => new
            {
                c.Id, c.Name, c.Sex, c.EthnicityCode, c.BirthDate, c.CitizenIdNumber, c.HouseholdRegionCode, c.RegionCode, c.Address, c.SchoolStage, c.SchoolStatus,
                c.Boarding, c.HealthStatus, Disabled = c.DisabilityType != null, c.GuardianshipType, c.ContactPhone,
                FatherAway = c.Guardians.Any(g => g.Relation == GuardianRelation.Father && g.IsWorkingAway),
                MotherAway = c.Guardians.Any(g => g.Relation == GuardianRelation.Mother && g.IsWorkingAway),
                Caregiver = c.EntrustedCare == null ? null : new { c.EntrustedCare.CaregiverName, c.EntrustedCare.Relation, c.EntrustedCare.Phone },
            })
            .AsAsyncEnumerable();
        var ids = new List<Guid>();
        var asOf = scope.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = (char)('A' + Columns.Count - 1);
        var layout = new SheetLayout(
            [[$"{scope.RegionName}{ChildCategory.ChineseName(scope.Category)}花名册"], [$"填报单位：{scope.RegionName}（{scope.RegionCode}）　　统计截止日：{asOf}"], [.. Columns]],
            Columns.Count,
            [$"A1:{last}1", $"A2:{last}2"]);
        var written = await XlsxStreamWriter.WriteAsync(output, "花名册", layout, Lines(), ct);

        async IAsyncEnumerable<IReadOnlyList<object?>> Lines()
        {
            var number = 0;
            await foreach (var r in ExportFile.AtMost(rows, MaxRows, ct))
            {
                ids.Add(r.Id);
                var parents = r.FatherAway && r.MotherAway ? "父母双方外出" : r.FatherAway ? "父亲外出" : r.MotherAway ? "母亲外出" : "";
                yield return
                [
                    ++number, r.Name, SexText.ToChinese(r.Sex), Ethnicity.NameOf(r.EthnicityCode), view.BirthDate(r.BirthDate)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    view.IdNumber(r.CitizenIdNumber), r.HouseholdRegionCode is { } h ? names.GetValueOrDefault(h, h) : null,
                    string.Concat(names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.Address),
                    r.SchoolStage is { } st ? ChildNames.Of(st) : r.SchoolStatus == SchoolStatus.Unknown ? null : ChildNames.Of(r.SchoolStatus),
                    ChildNames.YesNo(r.Boarding), r.Disabled ? "残疾" : r.HealthStatus == HealthStatus.Unknown ? null : ChildNames.Of(r.HealthStatus),
                    r.GuardianshipType is { } gt ? ChildNames.Of(gt) : null, parents,
                    r.Caregiver?.CaregiverName, r.Caregiver is { } cg ? Guardian.RelationName(cg.Relation) : null,
                    view.Phone(r.Caregiver?.Phone ?? r.ContactPhone),
                ];
            }
        }

        db.RecordAudit("Export", nameof(Child), null, scope.RegionCode,
            ExportFile.AuditDetail(written, ("form", "roster"), ("region", scope.RegionCode), ("asOf", asOf), ("category", scope.Category.ToString()),
                ("fullIdNumbers", view.FullNumbers ? "yes" : null), ("purpose", purpose)),
            children: ids);
        await db.SaveChangesAsync(ct);
        return (int)written;
    }
}
