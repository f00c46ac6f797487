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
    // Rows per INSERT. SQLite is in-process (no round trips) and binds parameters by name, which grows with the
    // statement: one prepared single-row statement is fastest (measured: 5 s for China, against 24 s at 500 rows).
    // PostgreSQL pays a round trip per statement, so it gets 500-row statements.
    private int BatchRows => db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true ? 1 : 500;

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
            DbCommand? full = null;
            for (var start = 0; start < rows.Count; start += BatchRows)
            {
                var count = Math.Min(BatchRows, rows.Count - start);
                // Full batches reuse one prepared statement; only the values change.
                var cmd = count == BatchRows ? full ??= await NewInsertAsync(connection, tx, BatchRows, ct) : await NewInsertAsync(connection, tx, count, ct);
                for (var i = 0; i < count; i++)
                {
                    var r = rows[start + i];
                    cmd.Parameters[(i * 4) + 0].Value = r.Code;
                    cmd.Parameters[(i * 4) + 1].Value = r.Name;
                    cmd.Parameters[(i * 4) + 2].Value = r.Level;
                    cmd.Parameters[(i * 4) + 3].Value = (object?)r.ParentCode ?? DBNull.Value;
                }

                await cmd.ExecuteNonQueryAsync(ct);
                if (cmd != full)
                {
                    await cmd.DisposeAsync();
                }
            }

            if (full is not null)
            {
                await full.DisposeAsync();
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

    private static async Task<DbCommand> NewInsertAsync(DbConnection connection, DbTransaction tx, int rowCount, CancellationToken ct)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        var sql = new StringBuilder("INSERT INTO \"Regions\" (\"Code\", \"Name\", \"Level\", \"ParentCode\") VALUES ");
        for (var i = 0; i < rowCount; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"(@c{i}, @n{i}, @l{i}, @p{i})");
            foreach (var (prefix, type) in new[] { ("c", System.Data.DbType.String), ("n", System.Data.DbType.String), ("l", System.Data.DbType.Int32), ("p", System.Data.DbType.String) })
            {
                var p = cmd.CreateParameter();
                p.ParameterName = $"@{prefix}{i}";
                p.DbType = type;
                p.Value = DBNull.Value;
                cmd.Parameters.Add(p);
            }
        }

#pragma warning disable CA2100 // Only parameter placeholders are concatenated; every value is a parameter.
        cmd.CommandText = sql.ToString();
#pragma warning restore CA2100
        await cmd.PrepareAsync(ct);
        return cmd;
    }
}
