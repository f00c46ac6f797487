using System.Data.Common;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Regions;

namespace Shouhu.Web.Features.Regions;

/// <summary>
/// Loads NBS 2023 statistical division codes (Features/Regions/data, see its README) into the Regions table.
/// A measured hot path (665,276 rows for all of China), so it writes with multi-row INSERTs through the
/// context's own connection — plain SQL that reads the same on SQLite and PostgreSQL, tested on both.
/// </summary>
public sealed class RegionImporter(ShouhuDbContext db)
{
    private const int BatchRows = 500;

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
        await InsertAsync(rows, ct);
        return new ImportResult(matched, rows.Count, clock.Elapsed);
    }

    private static IEnumerable<string> Ancestors(string code)
    {
        for (var p = RegionCode.ParentOf(code); p is not null; p = RegionCode.ParentOf(p))
        {
            yield return p;
        }
    }

    private async Task InsertAsync(List<Region> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            for (var start = 0; start < rows.Count; start += BatchRows)
            {
                var batch = rows.Skip(start).Take(BatchRows).ToList();
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                var sql = new StringBuilder("INSERT INTO \"Regions\" (\"Code\", \"Name\", \"Level\", \"ParentCode\") VALUES ");
                for (var i = 0; i < batch.Count; i++)
                {
                    sql.Append(i == 0 ? "" : ", ").Append($"(@c{i}, @n{i}, @l{i}, @p{i})");
                    Add(cmd, $"@c{i}", batch[i].Code);
                    Add(cmd, $"@n{i}", batch[i].Name);
                    Add(cmd, $"@l{i}", batch[i].Level);
                    Add(cmd, $"@p{i}", (object?)batch[i].ParentCode ?? DBNull.Value);
                }

#pragma warning disable CA2100 // Only parameter placeholders are concatenated; every value is a parameter.
                cmd.CommandText = sql.ToString();
#pragma warning restore CA2100
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
