using System.Text.Json;
using Shouhu.Imports;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// One headed column of a sheet as the dry run mapped it (<c>mapping[].columns[]</c> of <c>GET /api/v1/imports/{id}</c>):
/// <c>column</c> its Excel letter (<c>A</c>, <c>AB</c>), <c>header</c> as the user wrote it (a two-row header as
/// <c>父亲/姓名</c>), <c>field</c> the <see cref="SurveyField"/> name it was matched to (<c>CitizenIdNumber</c>) or null when it
/// is ignored, <c>note</c> why an ignored column is ignored (无法识别的列 / 与第 B 列重复 / 用户设为不导入).
/// </summary>
public sealed record ImportColumnMapping(string Column, string Header, string? Field, string? Note = null);

/// <summary>
/// The mapping of one sheet: its name, the (first) header row as Excel numbers it, its headed columns in sheet order, and
/// for the children's sheet the number of data rows below the header as quickly counted (<see cref="SurveyReading.EstimateChildRows"/>:
/// the dry run's progress total while it runs; null for 家庭成员).
/// </summary>
public sealed record ImportSheetMapping(string Sheet, int HeaderRow, IReadOnlyList<ImportColumnMapping> Columns, int? DataRows = null);

/// <summary>One column of a correction: its Excel letter and the <see cref="SurveyField"/> name it holds, or null to ignore it.</summary>
public sealed record ColumnCorrection(string? Column, string? Field);

/// <summary>Body of <c>PUT /api/v1/imports/{id}/mapping</c> (and one stored correction): the sheet and the columns to set.</summary>
public sealed record MappingRequest(string? Sheet, IReadOnlyList<ColumnCorrection>? Columns);

/// <summary>
/// The column mapping of an import (issue #12 item 2) between the reader's <see cref="ColumnMap"/> and what is stored on the
/// job and answered: the map as shown, the stored corrections applied to a freshly found map (<see cref="ColumnMap.With"/>),
/// and the fields a sheet may hold.
/// </summary>
public static class ImportMapping
{
    /// <summary>The stored form (<c>ImportJob.Mapping</c>, <c>ImportJob.MappingCorrections</c>): the API's JSON.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The map as shown: every headed column, matched or not, in sheet order.</summary>
    public static ImportSheetMapping Of(ColumnMap map, int? dataRows = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var columns = map.Columns.Select(c => (c.Index, new ImportColumnMapping(Columns.Letter(c.Index), c.Header, c.Field.ToString())))
            .Concat(map.Unmatched.Select(u => (u.Index, new ImportColumnMapping(Columns.Letter(u.Index), u.Header, null, u.Reason))))
            .OrderBy(c => c.Index).Select(c => c.Item2).ToList();
        return new ImportSheetMapping(map.Sheet, map.HeaderFirstRow, columns, dataRows);
    }

    /// <summary><paramref name="map"/> with every stored correction of its sheet applied, in the order they were made.</summary>
    public static ColumnMap Corrected(ColumnMap map, IEnumerable<MappingRequest> corrections)
    {
        ArgumentNullException.ThrowIfNull(map);
        foreach (var c in corrections.Where(c => c.Sheet == map.Sheet).SelectMany(c => c.Columns ?? []))
        {
            if (IndexOf(c.Column) is { } index)
            {
                map = map.With(index, FieldOf(c.Field));
            }
        }

        return map;
    }

    /// <summary>The fields a sheet may hold: those of 家庭成员 for the family sheet, those of 儿童 for any other (the children's sheet may have any name).</summary>
    public static IReadOnlyList<FieldInfo> FieldsOf(string sheet) =>
        SurveyFields.Of(SurveyText.HeaderKey(sheet) == SurveyFields.FamilySheet ? SurveyFields.FamilySheet : SurveyFields.ChildSheet);

    /// <summary>The 0-based index of an Excel column letter (<c>A</c> → 0), or null when it is not one.</summary>
    public static int? IndexOf(string? letter) =>
        Columns.TryParse((letter ?? string.Empty).Trim().ToUpperInvariant() + "1", out var column, out _) && column < Columns.Max ? column : null;

    /// <summary>The field of a <see cref="SurveyField"/> name (any letter case), or null.</summary>
    public static SurveyField? FieldOf(string? name) =>
        Enum.TryParse<SurveyField>(name?.Trim(), ignoreCase: true, out var f) && Enum.IsDefined(f) && !int.TryParse(name, out _) ? f : null;

    /// <summary>The stored mapping of a job, or none.</summary>
    public static IReadOnlyList<ImportSheetMapping> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ImportSheetMapping>>(json, Json) ?? [];

    /// <summary>The stored corrections of a job, or none.</summary>
    public static IReadOnlyList<MappingRequest> ReadCorrections(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<MappingRequest>>(json, Json) ?? [];
}
