namespace Shouhu.Web.Features.Exports;

/// <summary>
/// A list whose export can be written in the background (ADR-016): the list registers one of these (scoped) under its
/// <see cref="List"/> name, and the runner calls it with the job's stored parameters, as the asking account.
/// </summary>
public interface IBackgroundExport
{
    /// <summary>The list's name in <see cref="Domain.Exports.ExportJob.List"/>, e.g. <c>children</c>.</summary>
    string List { get; }

    /// <summary>
    /// Writes the list as <paramref name="parameters"/> (the job's JSON) and the output policy for <paramref name="role"/>
    /// describe it into <paramref name="output"/>, audits the export like a direct one, and returns the number of rows.
    /// Calls <paramref name="progress"/>'s <see cref="ExportProgress.Written"/> as rows go out and
    /// <see cref="ExportProgress.Complete"/> after the last row, before the audit is saved — so the job's "ready" and the
    /// audit entry are saved together.
    /// </summary>
    /// <exception cref="ExportRefusedException">The role may no longer export what was asked; the message says why.</exception>
    Task<long> WriteAsync(string parameters, string role, Stream output, ExportProgress progress, CancellationToken ct);
}

/// <summary>Thrown when an export is refused before any row is written: its message is shown to the user (Chinese, no personal data).</summary>
public sealed class ExportRefusedException(string message) : Exception(message);

/// <summary>How a background export reports its rows (<see cref="IBackgroundExport.WriteAsync"/>); thread-safe.</summary>
public sealed class ExportProgress(Action<long> complete)
{
    private long _rows;

    /// <summary>Rows written so far.</summary>
    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>One more row written.</summary>
    public void Written() => Interlocked.Increment(ref _rows);

    /// <summary>Every row is written (<paramref name="rows"/> of them): the runner closes the file and marks the job ready in the export's own unit of work.</summary>
    public void Complete(long rows) => complete(rows);
}

/// <summary>
/// When a list's export is written in the background instead of answered at once (ADR-016): more than
/// <see cref="PageDirectRows"/> rows from a list page (a download of a few seconds at most), more than
/// <see cref="DirectRows"/> from the API. Configuration <c>Exports:PageDirectRows</c> and <c>Exports:DirectRows</c>.
/// </summary>
/// <param name="PageDirectRows">Most rows a list page downloads at once (default 20,000).</param>
/// <param name="DirectRows">Most rows an API export answers at once (default 100,000).</param>
public sealed record ExportLimits(int PageDirectRows = 20_000, int DirectRows = 100_000)
{
    /// <summary>The limits of <paramref name="config"/>, defaults for what is absent or not a positive number.</summary>
    public static ExportLimits From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var d = new ExportLimits();
        static int Read(string? text, int fallback) => int.TryParse(text, out var n) && n > 0 ? n : fallback;
        return new ExportLimits(Read(config["Exports:PageDirectRows"], d.PageDirectRows), Read(config["Exports:DirectRows"], d.DirectRows));
    }
}
