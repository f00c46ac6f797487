namespace Shouhu.Domain.Exports;

/// <summary>Where a background export stands (<c>GET /api/v1/exports/{id}</c>'s <c>status</c>, in lower case).</summary>
public enum ExportStatus
{
    /// <summary>waiting — queued behind another export.</summary>
    Waiting = 1,
    /// <summary>writing — rows are being written into the file.</summary>
    Writing = 2,
    /// <summary>ready — the file is written and audited; its owner may download it until <see cref="ExportJob.ExpiresAt"/>.</summary>
    Ready = 3,
    /// <summary>failed — the file could not be written (<see cref="ExportJob.Failure"/> says why in Chinese).</summary>
    Failed = 4,
}

/// <summary>
/// A large list export written in the background (issue #12 item 8: "run in the background with progress when large";
/// ADR-016): which list, its filter and what the output policy granted, whose it is and how far it has got. The file is
/// kept under the data folder by the job's id, readable only by the server's account, and only the account that asked
/// for it may fetch it — nobody else, whatever their jurisdiction. The job and its file are deleted a day after it ends.
/// The export itself is audited like any other, when its file is complete (and each download besides).
/// </summary>
public sealed class ExportJob : IJurisdictional
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; }

    /// <summary>The asking account's jurisdiction (NBS code of any level): the export reads as that jurisdiction.</summary>
    public string RegionCode { get; set; } = string.Empty;

    /// <summary>The list: <c>children</c> (the only list large enough to need it; the others answer at once).</summary>
    public string List { get; set; } = string.Empty;

    /// <summary>
    /// The list's filter and the output policy's grants and purpose, as the list's own JSON (e.g. the child list's
    /// <c>{filter, fullIdNumbers, includeCategories, purpose}</c>). A free-text search is kept here until the job is
    /// deleted, and never audited as text.
    /// </summary>
    public string Parameters { get; set; } = string.Empty;

    /// <summary>The asking account's id: the export runs as this account, and only it may see the job and fetch the file.</summary>
    public string CreatedBy { get; set; } = string.Empty;

    /// <summary>The asking account's name, for the audit trail.</summary>
    public string CreatedByName { get; set; } = string.Empty;

    /// <summary>The asking account's role when it asked: the output policy is applied for this role.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The download's name, e.g. <c>儿童名册-20261202.xlsx</c> (China date of the request).</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>Where it stands.</summary>
    public ExportStatus Status { get; set; } = ExportStatus.Waiting;

    /// <summary>Rows the list had when asked (the progress bar's end; the file may differ by what changed meanwhile).</summary>
    public long RowsTotal { get; set; }

    /// <summary>Rows written so far (updated about once a second while writing); the file's rows once ready.</summary>
    public long RowsWritten { get; set; }

    /// <summary>When asked (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When writing (last) started (UTC): the time left is estimated from the rate since then.</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>When it became ready or failed (UTC).</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>When the job and its file are deleted (UTC): a day after it ends.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Why it failed, in Chinese (no personal data), or null.</summary>
    public string? Failure { get; set; }
}
