namespace Shouhu.Imports;

/// <summary>A column of the sheet matched to a field: its 0-based index, its header as the user wrote it.</summary>
public sealed record MappedColumn(int Index, string Header, SurveyField Field);

/// <summary>A column that was not matched (listed and ignored): its index, its header as written, why.</summary>
public sealed record UnmatchedColumn(int Index, string Header, string Reason);

/// <summary>
/// Which column of a sheet holds which field (issue #12 item 2): the header rows found below any title rows, the matched
/// columns and the unmatched ones. It is shown before validation and the user may correct it (<see cref="With"/>); the
/// validator reads only through it.
/// </summary>
public sealed class ColumnMap
{
    /// <summary>Makes a map (the mapper's result, or a corrected one).</summary>
    public ColumnMap(string sheet, int headerFirstRow, int headerLastRow, IReadOnlyList<MappedColumn> columns, IReadOnlyList<UnmatchedColumn> unmatched)
    {
        Sheet = sheet;
        HeaderFirstRow = headerFirstRow;
        HeaderLastRow = headerLastRow;
        Columns = columns;
        Unmatched = unmatched;
        foreach (var c in columns)
        {
            _byField.TryAdd(c.Field, c);
        }
    }

    private readonly Dictionary<SurveyField, MappedColumn> _byField = [];

    /// <summary>The sheet's name.</summary>
    public string Sheet { get; }

    /// <summary>The first header row (Excel's row number); rows above it are titles.</summary>
    public int HeaderFirstRow { get; }

    /// <summary>The last header row: equal to <see cref="HeaderFirstRow"/>, or one more for a two-row header; data starts below it.</summary>
    public int HeaderLastRow { get; }

    /// <summary>The matched columns, in sheet order.</summary>
    public IReadOnlyList<MappedColumn> Columns { get; }

    /// <summary>The columns with a header that matched no field (or a field already matched), in sheet order.</summary>
    public IReadOnlyList<UnmatchedColumn> Unmatched { get; }

    /// <summary>The column of a field, or null when the sheet has none.</summary>
    public MappedColumn? Of(SurveyField field) => _byField.GetValueOrDefault(field);

    /// <summary>True when the sheet has a column for the field.</summary>
    public bool Has(SurveyField field) => Of(field) is not null;

    /// <summary>
    /// The map with the column at <paramref name="index"/> set to <paramref name="field"/> (null: ignored) — the user's
    /// correction. A column that held the field before is unmatched.
    /// </summary>
    public ColumnMap With(int index, SurveyField? field)
    {
        var header = Columns.FirstOrDefault(c => c.Index == index)?.Header ?? Unmatched.FirstOrDefault(u => u.Index == index)?.Header ?? Imports.Columns.Letter(index);
        var columns = Columns.Where(c => c.Index != index && (field is null || c.Field != field)).ToList();
        var unmatched = Unmatched.Where(u => u.Index != index).ToList();
        unmatched.AddRange(Columns.Where(c => c.Index != index && c.Field == field).Select(c => new UnmatchedColumn(c.Index, c.Header, "已改为其他列")));
        if (field is { } f)
        {
            columns.Add(new MappedColumn(index, header, f));
        }
        else
        {
            unmatched.Add(new UnmatchedColumn(index, header, "用户设为不导入"));
        }

        return new ColumnMap(Sheet, HeaderFirstRow, HeaderLastRow, [.. columns.OrderBy(c => c.Index)], [.. unmatched.OrderBy(u => u.Index)]);
    }
}

/// <summary>
/// Finds the header row of a sheet and matches its columns (issue #12 item 2): within the first
/// <see cref="SearchRows"/> rows, the row — or two rows, a group header above sub-headers such as 父亲 → 姓名 / 身份证号
/// (merged group cells filled across) — whose headers match most fields; headers match by <see cref="SurveyText.HeaderKey"/>
/// (spaces, full-width characters, line breaks, bracketed hints and punctuation ignored) against each field's header and
/// synonyms, in any order.
/// </summary>
public static class ColumnMapper
{
    /// <summary>How many rows from the top may be title rows or the header.</summary>
    public const int SearchRows = 20;

    /// <summary>Fewest fields a header row must match.</summary>
    public const int MinimumMatches = 3;

    /// <summary>
    /// The map of <paramref name="sheet"/>, or null when no row within <see cref="SearchRows"/> matches
    /// <see cref="MinimumMatches"/> fields of <paramref name="fields"/>.
    /// </summary>
    /// <param name="sheet">The sheet's name.</param>
    /// <param name="top">The sheet's first rows (at least <see cref="SearchRows"/> + 1 when it has them).</param>
    /// <param name="merges">The sheet's merged ranges.</param>
    /// <param name="fields">The fields the sheet may have (<see cref="SurveyFields.Of"/>).</param>
    public static ColumnMap? Find(string sheet, IReadOnlyList<SheetRow> top, IReadOnlyList<MergedRange> merges, IReadOnlyList<FieldInfo> fields)
    {
        var keys = new Dictionary<string, SurveyField>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            foreach (var h in f.Synonyms.Prepend(f.Header))
            {
                keys.TryAdd(SurveyText.HeaderKey(h), f.Field);
            }
        }

        var byNumber = top.ToDictionary(r => r.Number);
        string Filled(int row, int column)
        {
            var m = merges.FirstOrDefault(x => row >= x.FirstRow && row <= x.LastRow && column >= x.FirstColumn && column <= x.LastColumn);
            var (r, c) = m is null ? (row, column) : (m.FirstRow, m.FirstColumn);
            return byNumber.TryGetValue(r, out var sr) && sr[c]?.Text is { } text && SurveyText.Clean(text).Length > 0 ? text.Trim() : string.Empty;
        }

        ColumnMap? best = null;
        var bestScore = MinimumMatches - 1;
        foreach (var row in top.Where(r => r.Number <= SearchRows))
        {
            var width = Math.Max(row.Cells.Count, byNumber.TryGetValue(row.Number + 1, out var below) ? below.Cells.Count : 0);
            foreach (var twoRows in new[] { false, true })
            {
                if (twoRows && below is null)
                {
                    continue;
                }

                var headers = new List<(int Index, string Written, string[] Keys)>();
                for (var c = 0; c < width; c++)
                {
                    var group = Filled(row.Number, c);
                    var sub = twoRows ? Filled(row.Number + 1, c) : string.Empty;
                    if (group.Length == 0 && sub.Length == 0)
                    {
                        continue;
                    }

                    headers.Add(sub.Length == 0 || sub == group
                        ? (c, group, [SurveyText.HeaderKey(group)])
                        : group.Length == 0
                            ? (c, sub, [SurveyText.HeaderKey(sub)])
                            : ($"{group}/{sub}" is var w ? (c, w, new[] { SurveyText.HeaderKey(group + sub), SurveyText.HeaderKey(sub) }) : default));
                }

                var map = Match(sheet, row.Number, twoRows ? row.Number + 1 : row.Number, headers, keys);
                // Two rows are a header only when they match more than the lower row alone (a unit line above the header is no group row).
                var lowerAlone = twoRows ? Match(sheet, below!.Number, below.Number, Headers(below.Number, width, Filled), keys).Columns.Count : 0;
                if (map.Columns.Count > bestScore && (!twoRows || map.Columns.Count > lowerAlone))
                {
                    best = map;
                    bestScore = map.Columns.Count;
                }
            }
        }

        return best;
    }

    private static List<(int Index, string Written, string[] Keys)> Headers(int row, int width, Func<int, int, string> filled)
    {
        var headers = new List<(int, string, string[])>();
        for (var c = 0; c < width; c++)
        {
            if (filled(row, c) is { Length: > 0 } h)
            {
                headers.Add((c, h, [SurveyText.HeaderKey(h)]));
            }
        }

        return headers;
    }

    // The people of the survey whose columns come in a block (父亲姓名 | 出生日期 | 联系电话 …, as the 2016 form writes them).
    private static readonly string[] People = ["受委托监护人", "委托监护人", "外祖父", "外祖母", "祖父", "祖母", "父亲", "母亲"];

    private static ColumnMap Match(string sheet, int first, int last, List<(int Index, string Written, string[] Keys)> headers, Dictionary<string, SurveyField> keys)
    {
        var columns = new List<MappedColumn>();
        var unmatched = new List<UnmatchedColumn>();
        string? person = null;
        foreach (var (index, written, candidates) in headers)
        {
            // A header that names no person (出生日期, 联系电话) after a person's column belongs to that person first.
            var sub = candidates[^1];
            var tries = person is null || People.Any(p => sub.StartsWith(p, StringComparison.Ordinal))
                ? candidates
                : [.. candidates.SkipLast(1), person + sub, sub];
            SurveyField? field = null;
            foreach (var k in tries)
            {
                if (keys.TryGetValue(k, out var f))
                {
                    field = f;
                    break;
                }
            }

            person = field is { } matched ? People.FirstOrDefault(p => SurveyFields.Info(matched).Header.StartsWith(p, StringComparison.Ordinal)) : person;
            if (field is null)
            {
                unmatched.Add(new(index, written, "无法识别的列，已忽略"));
            }
            else if (columns.FirstOrDefault(c => c.Field == field) is { } earlier)
            {
                unmatched.Add(new(index, written, $"与第 {Imports.Columns.Letter(earlier.Index)} 列“{earlier.Header}”重复，已忽略"));
            }
            else
            {
                columns.Add(new(index, written, field.Value));
            }
        }

        return new ColumnMap(sheet, first, last, columns, unmatched);
    }
}
