using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Regions;

namespace Shouhu.Web.Features.Regions;

/// <summary>
/// Loads NBS 2023 statistical division codes (Features/Regions/data, see its README) into the Regions table.
/// A measured hot path (665,276 rows for all of China), so it writes through <see cref="BulkInsert"/> —
/// plain SQL that reads the same on SQLite and PostgreSQL, tested on both.
/// </summary>
public sealed class RegionImporter(ShouhuDbContext db)
{
    /// <summary>The national file, gzip CSV <c>code,name,level,parent_code</c>.</summary>
    public static string NationalFile => Path.Combine(AppContext.BaseDirectory, "Features", "Regions", "data", "cn-regions-2023.csv.gz");

    /// <summary>Result of an import: rows read from the file that matched, rows newly inserted, time taken.</summary>
    public sealed record ImportResult(int Matched, int Inserted, TimeSpan Elapsed);

    /// <summary>
    /// Imports the subtrees of <paramref name="codes"/> (empty or <c>all</c>: the whole country) with their ancestors.
    /// Idempotent: codes already present are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">For a code that is no region code.</exception>
    public async Task<ImportResult> ImportAsync(IReadOnlyCollection<string> codes, string? file = null, CancellationToken ct = default)
    {
        var all = codes.Count == 0 || codes.Any(c => c.Equals("all", StringComparison.OrdinalIgnoreCase));
        foreach (var c in codes.Where(c => !c.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            if (!RegionCode.IsWellFormed(c))
            {
                throw new ArgumentException($"'{c}' is not a region code (2, 4, 6, 9 or 12 digits).", nameof(codes));
            }
        }

        var clock = Stopwatch.StartNew();
        var wanted = codes.Where(c => !c.Equals("all", StringComparison.OrdinalIgnoreCase)).ToList();
        var ancestors = new HashSet<string>(wanted.SelectMany(Ancestors), StringComparer.Ordinal);
        var existing = new HashSet<string>(await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(ct), StringComparer.Ordinal);

        var rows = new List<Region>();
        var matched = 0;
        await using (var stream = File.OpenRead(file ?? NationalFile))
        await using (var gz = new GZipStream(stream, CompressionMode.Decompress))
        using (var reader = new StreamReader(gz, Encoding.UTF8))
        {
            _ = await reader.ReadLineAsync(ct); // header
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var parts = line.Split(',');
                if (parts.Length != 4)
                {
                    continue;
                }

                var code = parts[0];
                if (!all && !ancestors.Contains(code) && !wanted.Any(w => code.StartsWith(w, StringComparison.Ordinal)))
                {
                    continue;
                }

                matched++;
                if (existing.Add(code))
                {
                    rows.Add(new Region
                    {
                        Code = code,
                        Name = parts[1],
                        Level = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture),
                        ParentCode = parts[3].Length == 0 ? null : parts[3],
                    });
                }
            }
        }

        // Parents before children, so a foreign key or a reader never sees an orphan.
        rows.Sort((a, b) => a.Level != b.Level ? a.Level.CompareTo(b.Level) : string.CompareOrdinal(a.Code, b.Code));
        await BulkInsert.InsertAsync(db, rows, ct);
        return new ImportResult(matched, rows.Count, clock.Elapsed);
    }

    private static IEnumerable<string> Ancestors(string code)
    {
        for (var p = RegionCode.ParentOf(code); p is not null; p = RegionCode.ParentOf(p))
        {
            yield return p;
        }
    }
}
