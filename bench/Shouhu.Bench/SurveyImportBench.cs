using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Shouhu.TestData;

/// <summary>
/// The survey import benchmark (issue #12 "Performance"): a generated survey through a running Shouhu — upload, dry run,
/// commit — timed from the upload to <c>validated</c>/<c>invalid</c> and from the confirmation to <c>committed</c>; the
/// server's peak RSS (VmHWM); then the same rows the commit wrote (children, family members, categories, entrusted care,
/// visit schedules) written again through the database's own bulk path — PostgreSQL <c>COPY</c>, SQLite prepared inserts
/// in one transaction — into empty copies of those tables, and the ratio.
/// </summary>
internal static class SurveyImportBench
{
    private static readonly string[] Tables = ["Children", "Guardians", "ChildCategories", "EntrustedCares", "VisitSchedules"];

    /// <summary><c>--mode survey-regions --provider P --db CS</c>: adds the generator's fictional county (430799) to the regions table.</summary>
    public static async Task RegionsAsync(Dictionary<string, string> options)
    {
        await using var db = Open(options["provider"], options["db"]);
        await db.OpenAsync();
        foreach (var (code, name) in SurveyGenerator.Regions())
        {
            await using var cmd = db.CreateCommand();
            cmd.CommandText = """INSERT INTO "Regions" ("Code", "Name", "Level", "ParentCode") VALUES (@c, @n, @l, @p) ON CONFLICT DO NOTHING""";
            Add(cmd, "@c", code);
            Add(cmd, "@n", name);
            Add(cmd, "@l", code.Length switch { 2 => 1, 4 => 2, 6 => 3, 9 => 4, _ => 5 });
            Add(cmd, "@p", code.Length switch { 4 => code[..2], 6 => code[..4], 9 => code[..6], 12 => code[..9], _ => null });
            await cmd.ExecuteNonQueryAsync();
        }
    }

    /// <summary><c>--mode survey-import --url U --admin-password PW --provider P --db CS --file F --pid SERVER_PID</c>.</summary>
    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var provider = options["provider"];
        using var http = new HttpClient { BaseAddress = new Uri(options["url"]), Timeout = TimeSpan.FromMinutes(5) };
        async Task<string> TokenAsync(string user, string password)
        {
            var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
            r.EnsureSuccessStatusCode();
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("admin", options["admin-password"]));
        var user = "bench-import-" + Guid.NewGuid().ToString("N")[..8];
        (await http.PostAsJsonAsync("/api/v1/users", new { userName = user, password = "Bench#2026pw", displayName = "导入测试", role = "CivilAffairsOfficer", jurisdictionCode = SurveyGenerator.County })).EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user, "Bench#2026pw"));

        var bytes = await File.ReadAllBytesAsync(options["file"]);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "survey.xlsx" }, { new StringContent("2026-06-30"), "asOf" } };
        var clock = Stopwatch.StartNew();
        var created = await http.PostAsync("/api/v1/imports", form);
        created.EnsureSuccessStatusCode();
        var location = created.Headers.Location!.OriginalString;
        var validated = await SettledAsync(http, location);
        var dryRun = clock.Elapsed.TotalSeconds;
        clock.Restart();
        (await http.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true, flagged = "apply" })).EnsureSuccessStatusCode();
        var committed = await SettledAsync(http, location);
        var commit = clock.Elapsed.TotalSeconds;
        if (committed.GetProperty("status").GetString() != "committed")
        {
            throw new InvalidOperationException("the import did not commit: " + committed.GetRawText());
        }

        var peak = PeakMiB(options["pid"]);
        var (rows, bulk) = await BulkAsync(provider, options["db"]);
        var total = dryRun + commit;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {validated.GetProperty("rowsTotal").GetInt32():N0} | {committed.GetProperty("rowsCommitted").GetInt32():N0} | {dryRun:F1} s | {commit:F1} s | {total:F1} s | {peak} MiB | {rows:N0} | {bulk:F1} s | {commit / bulk:F1}× | {total / bulk:F1}× |"));
    }

    private static async Task<JsonElement> SettledAsync(HttpClient http, string location)
    {
        while (true)
        {
            var status = await (await http.GetAsync(location)).Content.ReadFromJsonAsync<JsonElement>();
            if (status.GetProperty("status").GetString() is not ("validating" or "committing"))
            {
                return status;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The peak resident set (VmHWM) of process <paramref name="pid"/> in MiB, or <c>?</c>.</summary>
    internal static string PeakMiB(string pid) =>
        File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
            ? (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture)
            : "?";

    // Creates on bench_{table} every index of {table} (unique ones included), under names of its own.
    private static async Task CopyIndexesAsync(DbConnection db, string table)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = db is NpgsqlConnection
            ? $"""SELECT indexdef FROM pg_indexes WHERE tablename = '{table}'"""
            : $"""SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL""";
        var statements = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                statements.Add(reader.GetString(0));
            }
        }

        if (db is not NpgsqlConnection)
        {
            // SQLite's primary key index is implicit (no SQL in sqlite_master): made from the key's columns.
            await using var info = db.CreateCommand();
            info.CommandText = $"""SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk""";
            var key = new List<string>();
            await using (var reader = await info.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    key.Add($"\"{reader.GetString(0)}\"");
                }
            }

            statements.Add($"""CREATE UNIQUE INDEX "PK_{table}" ON "{table}" ({string.Join(", ", key)})""");
        }

        var n = 0;
        foreach (var sql in statements)
        {
            // CREATE [UNIQUE] INDEX "name" ON [public.]"table" …  →  the same on the copy, under a short name (PostgreSQL
            // cuts names at 63 bytes, so a prefix on a long one would collide).
            var copy = System.Text.RegularExpressions.Regex.Replace(sql, "INDEX (\"[^\"]+\"|[A-Za-z0-9_]+) ON ", $"INDEX \"bench_{table}_{++n}\" ON ");
            copy = copy.Replace($"public.\"{table}\"", $"public.\"bench_{table}\"", StringComparison.Ordinal)
                .Replace($"ON \"{table}\"", $"ON \"bench_{table}\"", StringComparison.Ordinal);
            await Exec(db, copy);
        }
    }

    // The rows the commit wrote for the county's children, written again into empty copies of their tables (with their
    // indexes) by the bulk path.
    private static async Task<(long Rows, double Seconds)> BulkAsync(string provider, string connectionString)
    {
        await using var db = Open(provider, connectionString);
        await db.OpenAsync();
        var data = new List<(string Table, string[] Columns, List<object?[]> Rows)>();
        foreach (var table in Tables)
        {
            var where = table == "Children"
                ? """ "RegionCode" LIKE '430799%' """
                : """ "ChildId" IN (SELECT "Id" FROM "Children" WHERE "RegionCode" LIKE '430799%') """;
            await Exec(db, $"""DROP TABLE IF EXISTS "bench_{table}" """);
            await Exec(db, $"""CREATE TABLE "bench_{table}" AS SELECT * FROM "{table}" WHERE 1 = 0""");
            // The same indexes as the real table: the database maintains them on the bulk path as on the commit.
            await CopyIndexesAsync(db, table);
            await using var cmd = db.CreateCommand();
            cmd.CommandText = $"""SELECT * FROM "{table}" WHERE {where}""";
            await using var reader = await cmd.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync())
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
            }

            data.Add((table, columns, rows));
        }

        var clock = Stopwatch.StartNew();
        foreach (var (table, columns, rows) in data)
        {
            if (db is NpgsqlConnection pg)
            {
                await using var writer = await pg.BeginTextImportAsync($"""COPY "bench_{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN""");
                var line = new StringBuilder();
                foreach (var row in rows)
                {
                    line.Clear();
                    for (var i = 0; i < row.Length; i++)
                    {
                        line.Append(i == 0 ? "" : "\t").Append(CopyText(row[i]));
                    }

                    await writer.WriteLineAsync(line.ToString());
                }
            }
            else
            {
                await using var tx = await db.BeginTransactionAsync();
                await using var cmd = db.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"""INSERT INTO "bench_{table}" VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})""";
                var parameters = columns.Select((_, i) => { var p = cmd.CreateParameter(); p.ParameterName = "@p" + i; cmd.Parameters.Add(p); return p; }).ToArray();
                await cmd.PrepareAsync();
                foreach (var row in rows)
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        parameters[i].Value = row[i] ?? DBNull.Value;
                    }

                    await cmd.ExecuteNonQueryAsync();
                }

                await tx.CommitAsync();
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var table in Tables)
        {
            await Exec(db, $"""DROP TABLE "bench_{table}" """);
        }

        return (data.Sum(d => (long)d.Rows.Count), seconds);
    }

    private static string CopyText(object? value) => value switch
    {
        null => "\\N",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "t" : "f",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal),
    };

    private static DbConnection Open(string provider, string connectionString) =>
        provider == "postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private static async Task Exec(DbConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
