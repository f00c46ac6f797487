namespace Shouhu.Imports;

/// <summary>
/// The limits an uploaded survey must keep (issue #12 "Bad input"): the upload's size, and — checked from the zip
/// directory before anything is inflated — the total and per-entry uncompressed size of an xlsx and its expansion ratio
/// (a zip bomb); the rows of a sheet (Excel's own 1,048,576).
/// </summary>
/// <param name="MaxUploadBytes">Largest upload, bytes (50 MB).</param>
/// <param name="MaxUncompressedBytes">Largest sum of the declared uncompressed sizes of an xlsx's entries, bytes.</param>
/// <param name="MaxEntryBytes">Largest declared uncompressed size of one entry, bytes.</param>
/// <param name="MaxExpansionRatio">Largest uncompressed ÷ compressed size of the whole file and of any entry larger than 1 MiB.</param>
/// <param name="MaxRows">Most rows of one sheet or CSV file, header rows included.</param>
public sealed record ImportLimits(
    long MaxUploadBytes = 50L * 1000 * 1000,
    long MaxUncompressedBytes = 1L << 30,
    long MaxEntryBytes = 768L << 20,
    int MaxExpansionRatio = 200,
    int MaxRows = 1_048_576)
{
    /// <summary>The limits of issue #12.</summary>
    public static ImportLimits Default { get; } = new();
}
