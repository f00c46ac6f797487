using System.Globalization;
using Shouhu.Data;

namespace Shouhu.Web.Features.Audit;

/// <summary>
/// The second place of the audit chain: a text file outside the database (<c>Audit:AnchorFile</c>, default
/// <c>SHOUHU_DATA_DIR/audit-anchors.log</c>) with one line <c>SEQUENCE HASH TIME</c> (time in UTC, ISO 8601) per anchor.
/// Lines are appended with one write each, so the server and a command can share the file. <c>audit verify</c> fails when
/// the chain is shorter than an anchor or an anchored entry has another hash (a cut tail, an emptied table).
/// </summary>
public sealed partial class AuditAnchorLog(string path, ILogger<AuditAnchorLog> logger) : IAuditAnchors
{
    private static readonly Lock Gate = new();

    /// <summary>One anchor: the chain had reached <paramref name="Sequence"/> with <paramref name="Hash"/> at <paramref name="At"/> (UTC).</summary>
    public sealed record Anchor(long Sequence, string Hash, DateTime At);

    /// <summary>The file's full path.</summary>
    public string Path { get; } = path;

    /// <inheritdoc/>
    public void Append(long sequence, string hash)
    {
        if (sequence <= 0)
        {
            return;
        }

        var line = $"{sequence.ToString(CultureInfo.InvariantCulture)} {hash} {DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}\n";
        try
        {
            lock (Gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                var bytes = System.Text.Encoding.ASCII.GetBytes(line);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The change is committed; a missing anchor only weakens the next check. Say so, without any content.
            LogAppendFailed(logger, e.GetType().Name, sequence);
        }
    }

    /// <summary>Every well-formed anchor in the file, in file order (none when there is no file); malformed lines are skipped.</summary>
    public IReadOnlyList<Anchor> ReadAll()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var anchors = new List<Anchor>();
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                && parts[1].Length == 64
                && DateTime.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                anchors.Add(new Anchor(sequence, parts[1], at));
            }
        }

        return anchors;
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Audit anchor at sequence {Sequence} not written: {ExceptionType}")]
    private static partial void LogAppendFailed(ILogger logger, string exceptionType, long sequence);
}
