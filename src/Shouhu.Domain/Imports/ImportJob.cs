namespace Shouhu.Domain.Imports;

/// <summary>Where a survey import stands (API-CONTRACT.md "Imports": the <c>status</c> values, in kebab-free lower case).</summary>
public enum ImportStatus
{
    /// <summary>validating — the dry run is reading and checking the rows.</summary>
    Validating = 1,
    /// <summary>validated — every row passed (or was matched); it may be committed.</summary>
    Validated = 2,
    /// <summary>invalid — some rows failed; commit only with <c>skipInvalid</c>, or fix and upload again.</summary>
    Invalid = 3,
    /// <summary>committing — rows are being written, batch by batch.</summary>
    Committing = 4,
    /// <summary>committed — every row that passed is in the register.</summary>
    Committed = 5,
    /// <summary>failed — the file could not be read at all (<see cref="ImportJob.Failure"/> says why).</summary>
    Failed = 6,
}

/// <summary>
/// One upload of a baseline survey (摸底排查, DESIGN C7; issue #12): the file (kept under the data folder by its id, so the
/// dry run and the commit can resume after a restart and the validation report can annotate the user's own workbook), who
/// uploaded it, the survey's 统计截止日 and the counts. It belongs to the importer's jurisdiction: only that jurisdiction
/// and those above it see it. Personal data is in the rows (<see cref="ImportJobRow"/>), never here.
/// </summary>
public sealed class ImportJob : IJurisdictional
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The importer's jurisdiction (NBS code of any level): every row must lie inside it.</summary>
    public string RegionCode { get; set; } = string.Empty;

    /// <summary>The importer's account id; the commit acts as this account (audit trail, jurisdiction guard).</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>The importer's account name, for the audit trail.</summary>
    public string CreatedByName { get; set; } = string.Empty;

    /// <summary>When uploaded (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the status last changed or a batch was written (UTC): progress and time left are computed from it.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The file's name as uploaded (shown to the importer; at most 255 characters).</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>SHA-256 of the file's bytes (64 lower-case hex digits): audited, and an identical re-upload is recognised.</summary>
    public string FileSha256 { get; set; } = string.Empty;

    /// <summary>Size of the file in bytes.</summary>
    public long FileSize { get; set; }

    /// <summary>统计截止日: the day ages (and "under 16") are computed on.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>Where it stands.</summary>
    public ImportStatus Status { get; set; } = ImportStatus.Validating;

    /// <summary>Data rows found in the file.</summary>
    public int RowsTotal { get; set; }

    /// <summary>Rows the dry run has finished with (for the progress bar while validating).</summary>
    public int RowsValidated { get; set; }

    /// <summary>Rows that may be committed: new children.</summary>
    public int RowsValid { get; set; }

    /// <summary>Rows with at least one problem.</summary>
    public int RowsInvalid { get; set; }

    /// <summary>Rows written to the register by the commit.</summary>
    public int RowsCommitted { get; set; }

    /// <summary>Rows of children already registered inside the jurisdiction: left as they are.</summary>
    public int RowsRegistered { get; set; }

    /// <summary>Invalid rows the commit skipped on request.</summary>
    public int RowsSkipped { get; set; }

    /// <summary>Rows that would change a registered child (<see cref="ImportRowStatus.Update"/>), found by the dry run.</summary>
    public int RowsToUpdate { get; set; }

    /// <summary>Rows flagged for review as possible duplicates (<see cref="ImportRowStatus.Review"/>), found by the dry run.</summary>
    public int RowsFlagged { get; set; }

    /// <summary>Registered children updated by the commit.</summary>
    public int RowsUpdated { get; set; }

    /// <summary>The problems of all rows (a row may have several): kept as they are found, so a poll of the status reads no row.</summary>
    public int ProblemsTotal { get; set; }

    /// <summary>
    /// The problems of all rows counted by kind (the message up to its first "：", "，" or "（"), as a JSON object
    /// <c>{"kind": count}</c>; null when there are none. No personal data: the kinds are the rules' own words.
    /// </summary>
    public string? ProblemKinds { get; set; }

    /// <summary>The choice, given with the confirmation, for every update not decided row by row; null when none was needed.</summary>
    public ImportRowDecision? UpdatesDecision { get; set; }

    /// <summary>The choice, given with the confirmation, for every flagged row not decided row by row; null when none was needed.</summary>
    public ImportRowDecision? FlaggedDecision { get; set; }

    /// <summary>Why the file could not be read, in Chinese (<see cref="ImportStatus.Failed"/>), or null.</summary>
    public string? Failure { get; set; }

    /// <summary>When the current (or last) dry run or commit started (UTC): the page's time left is estimated from the rate since then.</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>
    /// The column mapping the last dry run used, as JSON: per sheet the header row and every headed column (letter, header as
    /// written, the field it was matched to or null); null before the reader has mapped the file. No personal data: headers only.
    /// </summary>
    public string? Mapping { get; set; }

    /// <summary>The user's corrections of the mapping, as JSON (per sheet: column letter → field or null for "ignore"), applied by every dry run of this import.</summary>
    public string? MappingCorrections { get; set; }

    /// <summary>Concurrency token, renewed at every save (as every versioned record's): two commits of one import cannot both start.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>What the dry run found for one row, and what the commit did with it.</summary>
public enum ImportRowStatus
{
    /// <summary>A new child, every rule passed: to be registered.</summary>
    New = 1,
    /// <summary>At least one problem (<see cref="ImportJobRow.Problems"/>): not written.</summary>
    Invalid = 2,
    /// <summary>
    /// A child already registered inside the jurisdiction (<see cref="ImportJobRow.ChildId"/>) whose record the row would
    /// not change: left as registered — a re-imported file changes nothing.
    /// </summary>
    Registered = 3,
    /// <summary>Written: <see cref="ImportJobRow.ChildId"/> is the record.</summary>
    Committed = 5,
    /// <summary>Left alone by the commit (invalid, or an update or a flagged row skipped on request).</summary>
    Skipped = 6,
    /// <summary>
    /// A child already registered inside the jurisdiction whose record the row would change: the fields that change are in
    /// <see cref="ImportJobRow.Changes"/>; written only when the user chose <see cref="ImportRowDecision.Apply"/>.
    /// </summary>
    Update = 7,
    /// <summary>
    /// Possibly a child already registered (the same name and birth date in the county, or the same name and a guardian's
    /// ID number) or the same child as another row of the file (<see cref="ImportJobRow.Matches"/>): never merged silently;
    /// registered as a new child only when the user chose <see cref="ImportRowDecision.Apply"/>.
    /// </summary>
    Review = 8,
    /// <summary>An update written: <see cref="ImportJobRow.ChildId"/> is the record, its history names the importer.</summary>
    Updated = 9,
}

/// <summary>The user's choice for a row that needs one (<see cref="ImportRowStatus.Update"/>, <see cref="ImportRowStatus.Review"/>).</summary>
public enum ImportRowDecision
{
    /// <summary>Update the registered child with the row (an update), or register the row as a new child (a flagged row).</summary>
    Apply = 1,
    /// <summary>Leave the row out.</summary>
    Skip = 2,
}

/// <summary>
/// One data row of an import, as the dry run left it: the normalised input (the register's own <c>ChildInput</c>, as JSON),
/// the problems (JSON list of <c>{row, column, value, message}</c>), and after the commit the child it became. Scoped by
/// the row's residence village when known, else the import's jurisdiction. The input is personal data; it is cleared
/// when the row is committed or skipped (it then lives in the register, or nowhere).
/// </summary>
public sealed class ImportJobRow : IJurisdictional
{
    /// <summary>The import.</summary>
    public Guid JobId { get; set; }

    /// <summary>The sheet the row is on (儿童; 家庭成员 for a family member's problem that belongs to no child row).</summary>
    public string Sheet { get; set; } = string.Empty;

    /// <summary>The row's number as Excel shows it (1-based, header and title rows counted).</summary>
    public int RowNumber { get; set; }

    /// <inheritdoc/>
    public string RegionCode { get; set; } = string.Empty;

    /// <summary>What the dry run found, or what the commit did.</summary>
    public ImportRowStatus Status { get; set; }

    /// <summary>The normalised input as JSON (the register's <c>ChildInput</c>), or null once committed or skipped.</summary>
    public string? Input { get; set; }

    /// <summary>The problems as JSON (<c>[{row, column, value, message}]</c>), or null.</summary>
    public string? Problems { get; set; }

    /// <summary>The registered child this row matched (<see cref="ImportRowStatus.Registered"/>, <see cref="ImportRowStatus.Update"/>) or became (<see cref="ImportRowStatus.Committed"/>).</summary>
    public Guid? ChildId { get; set; }

    /// <summary>
    /// For an update: the fields that would change, as JSON <c>[{field, old, new}]</c> in the register's history format
    /// (field names and stored values as <c>ChildRevision</c> keeps them); null otherwise.
    /// </summary>
    public string? Changes { get; set; }

    /// <summary>For an update: the record's version when the dry run read it; the commit refuses the row if it changed since.</summary>
    public Guid? ChildVersion { get; set; }

    /// <summary>
    /// For a flagged row: what it may duplicate, as JSON <c>[{childId?, row?, where}]</c> — a registered child inside the
    /// jurisdiction (<c>childId</c>), one outside it (only <c>where</c>, the level to contact), or an earlier row of the file.
    /// </summary>
    public string? Matches { get; set; }

    /// <summary>The user's choice for an update or a flagged row; null until chosen.</summary>
    public ImportRowDecision? Decision { get; set; }
}
