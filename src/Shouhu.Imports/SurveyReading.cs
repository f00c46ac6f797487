namespace Shouhu.Imports;

/// <summary>
/// An uploaded survey from its bytes to validated rows (issue #12 items 1–3), pure: <see cref="Open"/> checks the file by
/// content, finds the sheets 儿童 and 家庭成员 and their column maps (shown to the user, who may correct them before
/// <see cref="Rows"/>); <see cref="Rows"/> streams every child row normalised and validated with the register's rules.
/// Nothing is written anywhere.
/// </summary>
public sealed class SurveyReading : IDisposable
{
    private readonly ISurveySource _source;
    private readonly List<ImportProblem> _afterRows = [];
    private readonly List<int> _hiddenRows = [];

    private SurveyReading(ISurveySource source, ColumnMap children, ColumnMap? family, IReadOnlyList<ImportNotice> notices)
    {
        _source = source;
        Children = children;
        Family = family;
        Notices = notices;
    }

    /// <summary>The map of the sheet 儿童 (or the first visible sheet); the user may replace it with a corrected one.</summary>
    public ColumnMap Children { get; set; }

    /// <summary>The map of the sheet 家庭成员, when the workbook has one; replaceable like <see cref="Children"/>.</summary>
    public ColumnMap? Family { get; set; }

    /// <summary>What the reader noticed (hidden sheets skipped, merged header cells filled, unmatched columns, the CSV's encoding).</summary>
    public IReadOnlyList<ImportNotice> Notices { get; }

    /// <summary>After <see cref="Rows"/> was read to the end: the problems that belong to no child row (family members whose child is not on the sheet).</summary>
    public IReadOnlyList<ImportProblem> OtherProblems => _afterRows;

    /// <summary>After <see cref="Rows"/> was read to the end: the hidden data rows (Excel's row numbers) — read and validated like the others, but told, because a clerk hides rows and forgets.</summary>
    public IReadOnlyList<int> HiddenRows => _hiddenRows;

    // Rows parsed ahead of their validation.
    private const int ReadAhead = 256;

    /// <summary>
    /// Opens an upload, or null with the Chinese reason (not a spreadsheet, a limit broken, an empty sheet, no header row).
    /// </summary>
    /// <param name="content">The whole upload.</param>
    /// <param name="limits">The limits; <see cref="ImportLimits.Default"/> when null.</param>
    /// <param name="refusal">Why the file is refused.</param>
    public static SurveyReading? Open(byte[] content, ImportLimits? limits, out string? refusal)
    {
        var source = SurveySources.Open(content, limits, out refusal);
        if (source is null)
        {
            return null;
        }

        try
        {
            var notices = new List<ImportNotice>(source.Notices);
            var childSheet = source.Sheets.FirstOrDefault(s => SurveyText.HeaderKey(s) == SurveyFields.ChildSheet)
                ?? source.Sheets.FirstOrDefault(s => SurveyText.HeaderKey(s) is not (SurveyFields.FamilySheet or SurveyFields.InstructionsSheet));
            if (childSheet is null)
            {
                refusal = "文件中没有可读取的工作表（隐藏的工作表不读取）";
                source.Dispose();
                return null;
            }

            var children = MapSheet(source, childSheet, SurveyFields.Of(SurveyFields.ChildSheet), notices, out refusal);
            if (children is null)
            {
                source.Dispose();
                return null;
            }

            ColumnMap? family = null;
            if (source.Sheets.FirstOrDefault(s => SurveyText.HeaderKey(s) == SurveyFields.FamilySheet) is { } familySheet && familySheet != childSheet)
            {
                family = MapSheet(source, familySheet, SurveyFields.Of(SurveyFields.FamilySheet), notices, out var familyRefusal);
                if (family is null && familyRefusal is not null && !familyRefusal.Contains("是空的", StringComparison.Ordinal))
                {
                    refusal = familyRefusal;
                    source.Dispose();
                    return null;
                }
            }

            return new SurveyReading(source, children, family, notices);
        }
        catch (SurveyFileException e)
        {
            refusal = e.Message;
            source.Dispose();
            return null;
        }
    }

    /// <summary>
    /// The data rows of the children's sheet (non-blank rows below its header), counted by a pass over the sheet before
    /// <see cref="Rows"/>: the total of a progress bar.
    /// </summary>
    /// <exception cref="SurveyFileException">When the sheet breaks a limit while being read.</exception>
    public int CountChildRows() => _source.Rows(Children.Sheet).Count(r => r.Number > Children.HeaderLastRow && !r.IsBlank);

    /// <summary>
    /// The number of data rows on the child sheet for a progress bar: for a workbook, the row elements below the header
    /// that hold a cell (<see cref="XlsxSource.CountRowElements"/>, a walk without reading values; a row of empty cells
    /// counts too), otherwise <see cref="CountChildRows"/>.
    /// </summary>
    public int EstimateChildRows() => _source is XlsxSource xlsx
        ? xlsx.CountRowElements(Children.Sheet, Children.HeaderLastRow)
        : CountChildRows();

    private static ColumnMap? MapSheet(ISurveySource source, string sheet, IReadOnlyList<FieldInfo> fields, List<ImportNotice> notices, out string? refusal)
    {
        refusal = null;
        var top = source.Rows(sheet).Where(r => !r.IsBlank).TakeWhile(r => r.Number <= ColumnMapper.SearchRows + 1).ToList();
        if (top.Count == 0)
        {
            refusal = $"工作表“{sheet}”是空的";
            return null;
        }

        var merges = source.MergedRanges(sheet);
        var map = ColumnMapper.Find(sheet, top, merges, fields);
        if (map is null)
        {
            refusal = $"工作表“{sheet}”的前 {ColumnMapper.SearchRows} 行中没有找到表头（应有“{string.Join("”“", fields.Skip(1).Take(4).Select(f => f.Header))}”等列）";
            return null;
        }

        if (merges.Any(m => m.FirstRow >= map.HeaderFirstRow && m.LastRow <= map.HeaderLastRow && m.LastColumn > m.FirstColumn))
        {
            notices.Add(new(sheet, "表头中的合并单元格已按左上角的值填充到合并的各列"));
        }

        foreach (var u in map.Unmatched)
        {
            notices.Add(new(sheet, $"第 {Columns.Letter(u.Index)} 列“{u.Header}”：{u.Reason}"));
        }

        return map;
    }

    /// <summary>
    /// Every child row below the header, normalised and validated (<see cref="SurveyRow"/>), streamed: the 家庭成员 rows
    /// are read first and joined to their child by ID number or row number. Blank rows are skipped.
    /// </summary>
    /// <param name="options">The 统计截止日, the village resolver and the register settings.</param>
    /// <exception cref="SurveyFileException">When a sheet breaks a limit while being read.</exception>
    public IEnumerable<SurveyRow> Rows(SurveyOptions options)
    {
        // Each sheet's rows are parsed a little ahead on a second thread (Prefetch) while they are validated here.
        _afterRows.Clear();
        _hiddenRows.Clear();
        var validator = new SurveyValidator(Children, Family, options, _source.Date1904);
        var members = new Dictionary<string, List<FamilyMember>>(StringComparer.Ordinal);
        if (Family is { } fm)
        {
            foreach (var row in Prefetch.Ahead(_source.Rows(fm.Sheet), ReadAhead).Where(r => r.Number > fm.HeaderLastRow && !r.IsBlank))
            {
                if (options.SkipExamples && IsExample(fm, row))
                {
                    continue;
                }

                var key = MemberKey(fm, row);
                if (key is null)
                {
                    _afterRows.Add(new(fm.Sheet, row.Number, fm.Of(SurveyField.MemberChildIdNumber)?.Header ?? string.Empty, string.Empty, "请填写该成员所属儿童的公民身份号码或儿童行号", fm.Of(SurveyField.MemberChildIdNumber)?.Index));
                    continue;
                }

                if (!members.TryGetValue(key, out var list))
                {
                    members[key] = list = [];
                }

                list.Add(validator.Member(row));
            }
        }

        var merged = DataMergeProblems(Children, _source.MergedRanges(Children.Sheet));
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Prefetch.Ahead(_source.Rows(Children.Sheet), ReadAhead))
        {
            if (row.Number <= Children.HeaderLastRow || row.IsBlank || (options.SkipExamples && IsExample(Children, row)))
            {
                continue;
            }

            if (row.Hidden)
            {
                _hiddenRows.Add(row.Number);
            }

            var family = new List<FamilyMember>();
            var id = Children.Of(SurveyField.CitizenIdNumber) is { } idColumn ? SurveyText.IdNumber(row[idColumn.Index], out _)?.ToUpperInvariant() : null;
            foreach (var key in new[] { id is null ? null : "id:" + id, "row:" + row.Number })
            {
                if (key is not null && members.TryGetValue(key, out var found) && used.Add(key))
                {
                    family.AddRange(found);
                }
            }

            yield return validator.Validate(row, family, merged.TryGetValue(row.Number, out var m) ? m : []);
        }

        foreach (var (key, list) in members.Where(kv => !used.Contains(kv.Key)))
        {
            foreach (var member in list)
            {
                var column = key.StartsWith("id:", StringComparison.Ordinal) ? Family!.Of(SurveyField.MemberChildIdNumber) : Family!.Of(SurveyField.MemberChildRow);
                _afterRows.Add(new(Family.Sheet, member.Row.Number, column?.Header ?? string.Empty, column is null ? string.Empty : member.Row[column.Index]?.Text ?? string.Empty,
                    $"“{SurveyFields.ChildSheet}”表中没有这个儿童（按{(key.StartsWith("id:", StringComparison.Ordinal) ? "公民身份号码" : "行号")}查找）", column?.Index));
            }
        }
    }

    private static bool IsExample(ColumnMap map, SheetRow row) =>
        map.Of(SurveyField.SerialNumber) is { } c && SurveyText.Compact(row[c.Index]?.Text) == SurveyTemplate.ExampleMark;

    private static string? MemberKey(ColumnMap fm, SheetRow row)
    {
        if (fm.Of(SurveyField.MemberChildIdNumber) is { } idColumn && SurveyText.IdNumber(row[idColumn.Index], out _) is { Length: > 0 } id)
        {
            return "id:" + id.ToUpperInvariant();
        }

        return fm.Of(SurveyField.MemberChildRow) is { } rowColumn && row[rowColumn.Index] is { } cell
            && int.TryParse(SurveyText.Compact(cell.Text), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? "row:" + n
            : null;
    }

    // A merged range in the data keeps its value in its top-left cell only: the rows below it would be read empty.
    private static Dictionary<int, List<ImportProblem>> DataMergeProblems(ColumnMap map, IReadOnlyList<MergedRange> merges)
    {
        var byRow = new Dictionary<int, List<ImportProblem>>();
        foreach (var m in merges.Where(m => m.FirstRow > map.HeaderLastRow))
        {
            var header = map.Columns.FirstOrDefault(c => c.Index == m.FirstColumn)?.Header ?? Columns.Letter(m.FirstColumn);
            var rows = m.LastRow > m.FirstRow ? Enumerable.Range(m.FirstRow + 1, m.LastRow - m.FirstRow) : [m.FirstRow];
            foreach (var r in rows.Take(10_000))
            {
                if (!byRow.TryGetValue(r, out var list))
                {
                    byRow[r] = list = [];
                }

                list.Add(new(map.Sheet, r, header, string.Empty, $"合并单元格 {m}：值只在左上角的单元格中，请取消合并并在每一行、每一列分别填写", m.FirstColumn));
            }
        }

        return byRow;
    }

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();
}
