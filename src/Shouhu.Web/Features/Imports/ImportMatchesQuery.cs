using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>One field an update changes, as the child's history shows it: <c>fieldName</c> in Chinese, values as that role sees them.</summary>
public sealed record ImportChangeShown(string Field, string FieldName, string? Old, string? New);

/// <summary>
/// A row that needs (or had) a decision: <c>kind</c> <c>update</c> (a registered child the row changes; <c>childId</c>,
/// <c>changes</c>) or <c>review</c> (a possible duplicate; <c>matches</c>); <c>status</c> the row's, lower-case
/// (<c>update</c>, <c>review</c>, <c>updated</c>, <c>committed</c>, <c>skipped</c>, <c>invalid</c>); <c>decision</c>
/// <c>apply</c>, <c>skip</c> or null; <c>name</c> the child's name as the file gives it.
/// </summary>
public sealed record ImportMatchItem(string Sheet, int Row, string Kind, string Status, string? Name, Guid? ChildId,
    IReadOnlyList<ImportChangeShown> Changes, IReadOnlyList<ImportMatch> Matches, string? Decision);

/// <summary>One page of <see cref="ImportMatchItem"/> in sheet and row order, and how many there are.</summary>
public sealed record ImportMatchesResponse(IReadOnlyList<ImportMatchItem> Items, int Total);

/// <summary>
/// <c>GET /api/v1/imports/{id}/matches</c>: the updates and the flagged rows of an import, paged in the database; values
/// shown as the child's history shows them to the caller's role (<see cref="OutputChannel.History"/>: ID numbers and
/// phones masked, birth dates hidden where the role sees no full numbers). Region codes are named.
/// </summary>
public sealed class ImportMatchesQuery(ShouhuDbContext db, RegionNames regionNames)
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 100;

    /// <summary>Page <paramref name="page"/> (1-based), or null when the import is absent or outside the jurisdiction.</summary>
    public async Task<ImportMatchesResponse?> GetAsync(Guid id, int page, string? role, CancellationToken ct)
    {
        if (!await db.ImportJobs.AnyAsync(j => j.Id == id, ct))
        {
            return null;
        }

        var query = db.ImportJobRows.AsNoTracking().Where(r => r.JobId == id && (r.Changes != null || r.Matches != null));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Sheet).ThenBy(r => r.RowNumber).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var view = PersonalDataPolicy.For(role, OutputChannel.History);
        var changes = rows.ToDictionary(r => (r.Sheet, r.RowNumber), r => JsonSerializer.Deserialize<List<ImportChange>>(r.Changes ?? "[]", ValidateImport.Json) ?? []);
        var codes = changes.Values.SelectMany(c => c).Where(c => c.Field is "residenceRegionCode" or "householdRegionCode").SelectMany(c => new[] { c.Old, c.New }).OfType<string>();
        var places = await regionNames.NamesAsync(codes, ct);
        string? Shown(string field, string? v)
        {
            var value = view.HistoryValue(field, ChildNames.ValueName(field, v));
            return field is "residenceRegionCode" or "householdRegionCode" && v is not null && places.GetValueOrDefault(v) is { } place ? $"{place}（{v}）" : value;
        }

        var items = rows.Select(r => new ImportMatchItem(r.Sheet, r.RowNumber, r.Changes is not null ? "update" : "review", r.Status.ToString().ToLowerInvariant(),
            r.Input is null ? null : ImportJson.Read(r.Input)?.Name, r.ChildId,
            changes[(r.Sheet, r.RowNumber)].Where(c => view.ShowsHistoryField(c.Field)).Select(c => new ImportChangeShown(c.Field, ChildNames.FieldName(c.Field), Shown(c.Field, c.Old), Shown(c.Field, c.New))).ToList(),
            JsonSerializer.Deserialize<List<ImportMatch>>(r.Matches ?? "[]", ValidateImport.Json) ?? [],
            r.Decision?.ToString().ToLowerInvariant())).ToList();
        return new ImportMatchesResponse(items, total);
    }
}
