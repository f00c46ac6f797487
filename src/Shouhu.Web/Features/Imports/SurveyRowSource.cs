using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;
using Shouhu.Imports;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// The survey reader of the running application (<see cref="ISurveyRowSource"/>): the kept file read by
/// <see cref="SurveyReading"/> (ADR-012) — checked by content, its columns mapped, each row normalised and validated with
/// the register's rules on the 统计截止日 — with village names resolved inside the importer's jurisdiction from the
/// regions table, the user's corrections of the column mapping applied (and the mapping used told in
/// <see cref="SurveyReadContext.Mapping"/>). Problems of the 家庭成员 sheet that belong to no child row come last, on their own sheet's rows.
/// </summary>
public sealed class SurveyRowSource(ShouhuDbContext db, RegisterSettings settings) : ISurveyRowSource
{
    /// <inheritdoc/>
    public async IAsyncEnumerable<SurveyRowRead> ReadAsync(Stream file, SurveyReadContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reading = SurveyReading.Open(await ImportFiles.ReadAllAsync(file, ct), null, out var refusal)
            ?? throw new SurveyFileException(refusal ?? "文件无法读取");
        var villages = new VillageDirectory(await RegionsAroundAsync(context.Jurisdiction, ct), context.Jurisdiction);
        reading.Children = ImportMapping.Corrected(reading.Children, context.Corrections ?? []);
        reading.Family = reading.Family is { } family ? ImportMapping.Corrected(family, context.Corrections ?? []) : null;
        context.Mapping = [ImportMapping.Of(reading.Children, reading.EstimateChildRows()), .. reading.Family is { } f ? [ImportMapping.Of(f)] : Array.Empty<ImportSheetMapping>()];
        var headers = reading.Children.Columns.GroupBy(c => c.Field).ToDictionary(g => g.Key, g => g.First().Header);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        if (headers.TryGetValue(SurveyField.CitizenIdNumber, out var idHeader))
        {
            columns["citizenIdNumber"] = idHeader;
        }

        if (headers.TryGetValue(SurveyField.Residence, out var residenceHeader))
        {
            columns["residenceRegionCode"] = residenceHeader;
        }

        foreach (var row in reading.Rows(new SurveyOptions(context.AsOf, villages, settings)))
        {
            ct.ThrowIfCancellationRequested();
            yield return new SurveyRowRead(row.Sheet, row.Row, row.IsValid ? row.Input : null, row.Problems, columns, row.IsValid ? row.Child : null);
        }

        foreach (var other in reading.OtherProblems.GroupBy(p => (p.Sheet, p.Row)))
        {
            yield return new SurveyRowRead(other.Key.Sheet, other.Key.Row, null, other.ToList(), columns);
        }
    }

    // The importer's city (or province, for a province's officer) with every level's names: a village is found by its own
    // name and its ancestors', and one outside the jurisdiction is told as such rather than as unknown.
    private async Task<List<(string Code, string Name)>> RegionsAroundAsync(string jurisdiction, CancellationToken ct)
    {
        var around = jurisdiction.Length >= 4 ? jurisdiction[..4] : jurisdiction;
        var (low, high) = RegionCode.SubtreeRange(around);
        var province = around[..2];
        var rows = await db.Regions.AsNoTracking()
            .Where(r => string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0 || r.Code == province)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name)).ToList();
    }
}
